import { and, eq, sql } from 'drizzle-orm';
import { assignOptimally, scoreMatch, type LocalizedText } from '../../../shared/matching/index.js';
import type { Db } from '../../db/client.js';
import { organizations, programs } from '../../db/schema/index.js';
import { recordAudit, type AuditContext, type AuditEventInput } from '../../platform/audit.js';
import { loadMatchingParticipants } from './matching-participants.js';
import { forMatching, loadPeerWorkers } from './peer-workers.js';

export interface BatchMatchReport {
  organization: { slug: string; name: string };
  program: { slug: string; name: string };
  dryRun: boolean;
  waiting: number;
  peerWorkers: number;
  openPlaces: number;
  assignments: Array<{ participantId: string; participantName: string; peerWorkerId: string; peerWorkerName: string; score: number; topReasons: LocalizedText[] }>;
  unmatched: Array<{ participantId: string; participantName: string; reason: LocalizedText }>;
  totalScore: number;
}

export interface BatchMatchOptions {
  programSlug: string;
  organizationSlug?: string;
  dryRun: boolean;
  /** Names the run in the audit trail. */
  requestId: string;
}

const TOP_REASONS = 2;
const CHUNK = 500;
export const batchReason = (score: number) => `batch match (score ${score})`;
const TAKEN_MEANWHILE: LocalizedText = {
  en: 'Was given a peer worker by someone else while this ran; left as it is',
  es: 'Alguien le asignó un acompañante mientras esto corría; se dejó así',
};

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function findProgram(db: Db, programSlug: string, organizationSlug?: string) {
  const found = await db
    .select({ program: programs, organization: organizations })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(and(eq(programs.slug, programSlug), organizationSlug ? eq(organizations.slug, organizationSlug) : undefined));
  if (found.length === 0) throw new Error(`No program "${programSlug}"${organizationSlug ? ` in organization "${organizationSlug}"` : ''}.`);
  if (found.length > 1) {
    const orgs = found.map((f) => f.organization.slug).join(', ');
    throw new Error(`Several organizations have a program "${programSlug}" (${orgs}): name one with --org <slug>.`);
  }
  return found[0]!;
}

/**
 * Matches everyone in a program who is active and has no peer worker, all at once: the most people
 * matched, then the highest total score (assignOptimally), within each peer worker's places left.
 * One transaction, one run per program at a time; people already matched are never moved, so a
 * second run matches nobody new. With dryRun nothing is written, not even to the trail.
 */
export async function batchMatchProgram(db: Db, opts: BatchMatchOptions): Promise<BatchMatchReport> {
  const { program, organization } = await findProgram(db, opts.programSlug, opts.organizationSlug);
  const run = async (tx: Db): Promise<BatchMatchReport> => {
    if (!opts.dryRun) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`peerpath:match:${program.id}`}, 0))`);
    const organizationId = organization.id;
    const participants = await loadMatchingParticipants(tx, { organizationId, programId: program.id, unassignedActiveOnly: true });
    const workers = await loadPeerWorkers(tx, { organizationId, programIds: [program.id] });
    const forScoring = workers.map((w) => forMatching(w));
    const batch = assignOptimally(participants, forScoring, scoreMatch);

    const participantById = new Map(participants.map((p) => [p.id, p]));
    const workerById = new Map(workers.map((w, i) => [w.id, { worker: w, scoring: forScoring[i]! }]));
    let assignments = batch.assignments.map((a) => {
      const participant = participantById.get(a.participantId)!;
      const { worker, scoring } = workerById.get(a.peerWorkerId)!;
      const reasons = [...scoreMatch(participant, scoring).reasons].sort((x, y) => y.points - x.points);
      return {
        participantId: a.participantId,
        participantName: participant.preferredName,
        peerWorkerId: a.peerWorkerId,
        peerWorkerName: worker.displayName,
        score: a.score,
        topReasons: reasons.slice(0, TOP_REASONS).map((r) => r.text),
      };
    });
    const unmatched = batch.unassigned.map((u) => ({ participantId: u.participantId, participantName: participantById.get(u.participantId)!.preferredName, reason: u.reason.text }));

    if (!opts.dryRun && assignments.length > 0) {
      const written = new Set<string>();
      for (let i = 0; i < assignments.length; i += CHUNK) {
        const values = sql.join(
          assignments.slice(i, i + CHUNK).map((a) => sql`(${a.participantId}::uuid, ${a.peerWorkerId}::uuid, ${batchReason(a.score)})`),
          sql`, `,
        );
        // Someone may have been matched by hand since they were read: they keep that peer worker.
        const rows = await rowsOf<{ participant_id: string }>(
          tx,
          sql`insert into peer_assignments (organization_id, participant_id, peer_worker_id, reason)
              select ${organizationId}::uuid, v.p, v.w, v.r from (values ${values}) as v(p, w, r)
              where not exists (select 1 from peer_assignments pa where pa.participant_id = v.p and pa.ended_at is null)
              returning participant_id`,
        );
        for (const row of rows) written.add(row.participant_id);
      }
      for (const a of assignments) if (!written.has(a.participantId)) unmatched.push({ participantId: a.participantId, participantName: a.participantName, reason: TAKEN_MEANWHILE });
      assignments = assignments.filter((a) => written.has(a.participantId));
    }
    const totalScore = assignments.reduce((sum, a) => sum + a.score, 0);

    if (!opts.dryRun) {
      const ctx: AuditContext = { actor: null, requestId: opts.requestId, ip: null, db: tx };
      const events: AuditEventInput[] = assignments.map((a) => ({
        action: 'match.batch_assign',
        organizationId,
        participantId: a.participantId,
        resourceType: 'peer_assignment',
        details: { peerWorkerId: a.peerWorkerId, score: a.score, reason: batchReason(a.score) },
      }));
      events.push({
        action: 'match.batch_assign',
        organizationId,
        resourceType: 'program',
        resourceId: program.id,
        details: { assigned: assignments.length, unmatched: unmatched.length, totalScore },
      });
      for (let i = 0; i < events.length; i += CHUNK) await recordAudit(ctx, ...events.slice(i, i + CHUNK));
    }

    return {
      organization: { slug: organization.slug, name: organization.name },
      program: { slug: program.slug, name: program.name },
      dryRun: opts.dryRun,
      waiting: participants.length,
      peerWorkers: workers.length,
      openPlaces: forScoring.reduce((sum, w) => sum + Math.max(0, Math.floor(w.capacity - w.caseload)), 0),
      assignments,
      unmatched,
      totalScore,
    };
  };
  return opts.dryRun ? run(db) : db.transaction((tx) => run(tx as unknown as Db));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report as the command prints it: one line per match, then who is still waiting and why, then the total. */
export function describeBatchMatch(report: BatchMatchReport): string[] {
  const lines = [
    `${report.dryRun ? 'Dry run for' : 'Matching'} ${report.program.name} (${report.organization.slug}/${report.program.slug}): ` +
      `${report.waiting} waiting for a peer worker; ${plural(report.peerWorkers, 'peer worker')} with ${plural(report.openPlaces, 'open place')}.`,
  ];
  for (const a of report.assignments) {
    lines.push(`  ${a.participantName} → ${a.peerWorkerName}, score ${a.score}${a.topReasons.length ? `: ${a.topReasons.map((r) => r.en).join('; ')}` : ''}`);
  }
  if (report.unmatched.length > 0) {
    lines.push('Not matched:');
    for (const u of report.unmatched) lines.push(`  ${u.participantName}: ${u.reason.en}`);
  }
  lines.push(`Total score: ${report.totalScore} (${report.assignments.length} matched, ${report.unmatched.length} not matched).`);
  if (report.dryRun) lines.push('Dry run: nothing was written.');
  return lines;
}
