import { and, eq, sql } from 'drizzle-orm';
import type { ParticipantExport } from '../../../shared/schemas/privacy.js';
import { participants } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { isOrgAdmin, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { journalAad } from '../journal/entries.js';
import { ident, personColumns } from './personal-data.js';

// Secrets about the account, not information about the person: never exported.
const OMITTED_COLUMNS = new Set(['password_hash', 'csrf_token', 'ciphertext', 'iv', 'auth_tag', 'key_id']);
const OMITTED_TABLES = new Set(['sessions', 'auth_tokens']);

/**
 * Everything Peerpath holds about a participant (right of access): their record and login, and every
 * row of every module that refers to them, found from the database's own foreign keys (new modules
 * are included without edits here). Journal entries come back as text. The participant themself or
 * an org admin of their organization may ask; anyone else is told the participant does not exist.
 */
export async function exportParticipant(ctx: AuthedContext, participantId: string): Promise<ParticipantExport> {
  const [person] = await ctx.db
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.organizationId, ctx.actor.organizationId)));
  const allowed = person && (ctx.actor.participantId === person.id || isOrgAdmin(ctx.actor));
  if (!allowed) throw new AppError('participant.not_found', 'That participant was not found.');
  const ids = { participant: person.id, user: person.userId };
  const tables: Record<string, Record<string, unknown>[]> = {};
  const add = (table: string, rows: Record<string, unknown>[]) => {
    const seen = new Set((tables[table] ?? []).map((r) => JSON.stringify(r)));
    for (const row of rows) {
      const clean = Object.fromEntries(Object.entries(row).filter(([k]) => !OMITTED_COLUMNS.has(k)));
      if (table === 'journal_entries') clean.text = openJournal(ctx, row);
      const key = JSON.stringify(clean);
      if (!seen.has(key)) (tables[table] ??= []).push(clean), seen.add(key);
    }
  };
  const select = async (table: string, column: string, id: string) =>
    ((await ctx.db.execute(sql`select row_to_json(t) as r from ${ident(table)} t where ${ident(column)} = ${id}`)) as unknown as {
      rows: Array<{ r: Record<string, unknown> }>;
    }).rows.map((x) => (typeof x.r === 'string' ? JSON.parse(x.r) : x.r));
  add('participants', await select('participants', 'id', person.id));
  if (person.userId) add('users', await select('users', 'id', person.userId));
  for (const col of await personColumns(ctx.db)) {
    if (OMITTED_TABLES.has(col.table)) continue;
    const id = ids[col.refers];
    if (id) add(col.table, await select(col.table, col.column, id));
  }
  await recordAudit(ctx, { action: 'participant.export', participantId: person.id, resourceType: 'participant', resourceId: person.id });
  return { exportedAt: new Date().toISOString(), participantId: person.id, preferredName: person.preferredName, tables };
}

function openJournal(ctx: AuthedContext, row: Record<string, unknown>): string | null {
  try {
    const sealed = { keyId: String(row.key_id), iv: String(row.iv), ciphertext: String(row.ciphertext), authTag: String(row.auth_tag) };
    return ctx.journalCipher.open(sealed, journalAad({ id: String(row.id), participantId: String(row.participant_id) }));
  } catch {
    return null;
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const label = (s: string) => s.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

/** A readable summary of the same data: one section per kind of record, one table each; no scripts. */
export function exportAsHtml(data: ParticipantExport, lang = 'en'): string {
  const sections = Object.entries(data.tables).map(([table, rows]) => {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cell = (v: unknown) => escape(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    return `<section><h2>${escape(label(table))} (${rows.length})</h2><table><thead><tr>${columns.map((c) => `<th scope="col">${escape(label(c))}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`)
      .join('')}</tbody></table></section>`;
  });
  return `<!doctype html><html lang="${escape(lang)}"><head><meta charset="utf-8"><title>${escape(`Everything Peerpath holds about ${data.preferredName}`)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;margin-bottom:2rem;font-size:.9rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f0f0f0}</style></head>
<body><h1>${escape(`Everything Peerpath holds about ${data.preferredName}`)}</h1><p>${escape(`Exported ${data.exportedAt}. The same data in full is available as JSON.`)}</p>${sections.join('\n')}</body></html>`;
}
