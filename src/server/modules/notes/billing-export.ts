import { and, asc, eq, sql } from 'drizzle-orm';
import { toCsv, type TableValue } from '../../../shared/outcomes/tables.js';
import { unitsFor } from '../../../shared/service-units.js';
import { contactNotes, participants, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { requireProgramOversight, workforceSettingsFor } from '../workforce/settings.js';
import { latestCosigns } from './cosign-rules.js';

export const BILLING_COLUMNS = [
  'participant_id',
  'service_date',
  'worker_id',
  'worker',
  'service_code',
  'minutes',
  'units',
  'cosign_status',
  'cosigned_by',
  'cosigned_at',
] as const;

/**
 * A month's billable services of one program as CSV for the billing staff: who was served (by id),
 * when (on the program's clock), by whom, under which code, how many units by the program's rule,
 * and who co-signed. Never the note's text. Contacts too short for a unit are left out.
 */
export async function billingExport(ctx: AuthedContext, programId: string, month: string): Promise<{ filename: string; csv: string; rows: number }> {
  const program = await requireProgramOversight(ctx, programId);
  const settings = await workforceSettingsFor(ctx.db, programId);
  const localMonth = sql`to_char(${contactNotes.occurredAt} at time zone ${program.timeZone}, 'YYYY-MM')`;
  const found = await ctx.db
    .select({
      id: contactNotes.id,
      participantId: contactNotes.participantId,
      serviceDate: sql<string>`to_char(${contactNotes.occurredAt} at time zone ${program.timeZone}, 'YYYY-MM-DD')`,
      workerId: contactNotes.authorId,
      worker: users.displayName,
      serviceCode: contactNotes.serviceCode,
      minutes: contactNotes.durationMinutes,
    })
    .from(contactNotes)
    .innerJoin(participants, eq(participants.id, contactNotes.participantId))
    .innerJoin(users, eq(users.id, contactNotes.authorId))
    .where(
      and(
        eq(contactNotes.organizationId, ctx.actor.organizationId),
        eq(participants.programId, programId),
        eq(contactNotes.billable, true),
        sql`${localMonth} = ${month}`,
      ),
    )
    .orderBy(asc(contactNotes.occurredAt), asc(contactNotes.id));
  const cosigns = await latestCosigns(ctx.db, found.map((f) => f.id));
  const rows: TableValue[][] = [];
  for (const f of found) {
    const units = unitsFor(f.minutes, settings.unitRule);
    if (units === 0) continue;
    const c = cosigns.get(f.id);
    const approved = c?.status === 'approved';
    rows.push([
      f.participantId,
      f.serviceDate,
      f.workerId,
      f.worker,
      f.serviceCode ?? settings.serviceCode,
      f.minutes,
      units,
      c?.status ?? 'not_required',
      approved ? (c.decidedBy?.displayName ?? '') : null,
      approved ? c.decidedAt : null,
    ]);
  }
  await recordAudit(ctx, { action: 'billing.export', resourceType: 'program', resourceId: programId, details: { month, rows: rows.length } });
  return { filename: `billing-${month}.csv`, csv: toCsv({ columns: [...BILLING_COLUMNS], rows }), rows: rows.length };
}
