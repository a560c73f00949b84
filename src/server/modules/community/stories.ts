import { and, desc, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { createStorySchema, Story } from '../../../shared/schemas/community.js';
import type { contentNotes } from '../../../shared/community/vocabulary.js';
import { communityMembers, communityStories } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { memberViews, requireMayWrite, requireMember } from './members.js';
import { answerCrisis, queueHeld, screenText, type CrisisSupport } from './safety/screen.js';

type StoryRow = typeof communityStories.$inferSelect;

export async function storyViews(ctx: AuthedContext, rows: StoryRow[], viewerMemberId: string | null): Promise<Story[]> {
  const authors = await memberViews(ctx.db, ctx.actor.organizationId, rows.map((r) => r.authorId));
  return rows.map((r) => ({
    id: r.id,
    author: authors.get(r.authorId) ?? null,
    mine: r.authorId === viewerMemberId,
    title: r.title,
    body: r.body,
    contentNotes: r.contentNotes as (typeof contentNotes)[number][],
    status: r.status,
    reviewNote: r.authorId === viewerMemberId ? r.reviewNote : null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Published stories for the community home, newest first, and the viewer's own in review. */
export async function listStories(ctx: AuthedContext): Promise<{ stories: Story[] }> {
  const [member] = await ctx.db.select({ id: communityMembers.id }).from(communityMembers).where(eq(communityMembers.userId, ctx.actor.userId));
  const rows = await ctx.db
    .select()
    .from(communityStories)
    .where(and(eq(communityStories.organizationId, ctx.actor.organizationId), or(eq(communityStories.status, 'published'), member ? eq(communityStories.authorId, member.id) : undefined)))
    .orderBy(desc(communityStories.publishedAt), desc(communityStories.createdAt))
    .limit(50);
  return { stories: await storyViews(ctx, rows, member?.id ?? null) };
}

/** A story waits for a moderator's review before anyone else reads it; the same safety checks run first. */
export async function submitStory(ctx: AuthedContext, input: z.output<typeof createStorySchema>): Promise<{ story: Story; crisis: { detected: boolean; support: CrisisSupport | null } }> {
  const member = await requireMember(ctx);
  requireMayWrite(member);
  if (!member.guidelinesAcceptedAt && !input.acceptGuidelines) throw new AppError('community.guidelines_required', 'Please read and accept the community guidelines first.');
  const screening = await screenText(ctx, member, `${input.title}\n${input.body}`, null);
  let support: CrisisSupport | null = null;
  const id = await inTransaction(ctx, async (tx) => {
    if (!member.guidelinesAcceptedAt) await tx.db.update(communityMembers).set({ guidelinesAcceptedAt: new Date() }).where(eq(communityMembers.id, member.id));
    const [row] = await tx.db
      .insert(communityStories)
      .values({ organizationId: member.organizationId, authorId: member.id, title: input.title, body: input.body, contentNotes: input.contentNotes, crisis: screening.crisis.length > 0 })
      .returning({ id: communityStories.id });
    const source = { organizationId: member.organizationId, spaceId: null, storyId: row!.id, memberId: member.id };
    // Every story is reviewed; the rules that fired tell the moderator what to look at.
    await queueHeld(tx, source, screening.held.length ? screening.held : ['story.review']);
    if (screening.crisis.length) support = await answerCrisis(tx as AuthedContext, { ...source, text: input.body, matches: screening.crisis });
    await recordAudit(tx, { action: 'community.story_submit', resourceType: 'community_story', resourceId: row!.id, details: { held: screening.held, crisis: screening.crisis.length > 0 } });
    return row!.id;
  });
  const [row] = await ctx.db.select().from(communityStories).where(eq(communityStories.id, id));
  return { story: (await storyViews(ctx, [row!], member.id))[0]!, crisis: { detected: screening.crisis.length > 0, support } };
}
