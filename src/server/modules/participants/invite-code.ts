import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { displayInviteCode, INVITE_CODE_LENGTH, inviteCodeAlphabet, type InviteCode } from '../../../shared/schemas/sign-up.js';
import { programs } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { requireProgram } from '../organizations/programs.js';

/**
 * Codes are only ever generated, never chosen: a chosen code that collided with another
 * organization's would tell the chooser that code works somewhere. 31^10 codes (about 49 bits)
 * against a rate-limited sign-up leave guessing hopeless.
 */
function newInviteCode(): string {
  return Array.from({ length: INVITE_CODE_LENGTH }, () => inviteCodeAlphabet[randomInt(inviteCodeAlphabet.length)]).join('');
}

function toInviteCode(ctx: AuthedContext, programId: string, code: string | null): InviteCode {
  const shown = code ? displayInviteCode(code) : null;
  return { programId, inviteCode: shown, joinUrl: shown ? `${ctx.config.publicUrl}/join?code=${shown}` : null };
}

export async function getInviteCode(ctx: AuthedContext, programId: string): Promise<InviteCode> {
  const program = await requireProgram(ctx, programId);
  return toInviteCode(ctx, program.id, program.inviteCode);
}

/** Turns self-sign-up on with a fresh code (the previous code stops working), or off. */
export async function setInviteCode(ctx: AuthedContext, programId: string, enabled: boolean): Promise<InviteCode> {
  const program = await requireProgram(ctx, programId);
  const code = enabled ? newInviteCode() : null;
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(programs)
      .set({ inviteCode: code })
      .where(and(eq(programs.id, program.id), eq(programs.organizationId, ctx.actor.organizationId)));
    await recordAudit(tx, {
      action: 'program.update',
      resourceType: 'program',
      resourceId: program.id,
      details: { changed: ['inviteCode'], selfSignUp: enabled ? 'new code' : 'off' },
    });
  });
  return toInviteCode(ctx, program.id, code);
}
