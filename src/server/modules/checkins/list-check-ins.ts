import { and, desc, gte, lt, sql } from 'drizzle-orm';
import type { CheckInList, CheckInListQuery } from '../../../shared/schemas/checkins.js';
import { checkIns } from '../../db/schema/index.js';
import { grantParticipantRead, seesOwnPrivate } from '../../platform/access.js';
import { preparedAuditedRead, recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { readableCheckIns, readableCheckInsOf, toCheckIn, type CheckInRow } from './check-in-rows.js';

/**
 * Pages go by (created_at, id), newest first. The cursor carries created_at in whole microseconds,
 * as the database keeps it: a JavaScript Date would round to milliseconds and skip or repeat rows.
 */
interface Cursor {
  micros: string;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(`${c.micros}.${c.id}`).toString('base64url');

function decodeCursor(raw: string): Cursor {
  const match = /^(\d{1,20})\.([0-9a-f-]{36})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!match) {
    throw new AppError('validation.failed', 'Please check: querystring.cursor.', [
      { path: 'querystring.cursor', message: 'is not a cursor from this list' },
    ]);
  }
  return { micros: match[1]!, id: match[2]! };
}

const createdMicros = sql<string>`(extract(epoch from ${checkIns.createdAt}) * 1000000)::bigint::text`;

const newestFirst = [desc(checkIns.createdAt), desc(checkIns.id)];

/**
 * The first page with no dates, as the participant's home asks for it: the page and its audit event
 * in one statement, prepared once for the participant (private ones included) and once for others.
 */
const firstPage = (who: 'own' | 'shared') =>
  preparedAuditedRead(`peerpath_checkins_first_page_${who}`, (q) =>
    q
      .select({ row: checkIns, micros: createdMicros })
      .from(checkIns)
      .where(readableCheckInsOf(sql.placeholder('participantId'), who === 'own'))
      .orderBy(...newestFirst)
      .limit(sql.placeholder('limit')),
  );
const firstPages = { own: firstPage('own'), shared: firstPage('shared') };

export async function listCheckIns(ctx: AuthedContext, participantId: string, query: CheckInListQuery): Promise<CheckInList> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const granted = await grantParticipantRead(ctx, { participantId, category: 'checkins', action: 'checkin.read', resourceType: 'check_ins' });
  const rows: Array<{ row: CheckInRow; micros: string }> =
    !cursor && !query.from && !query.to
      ? await firstPages[seesOwnPrivate(granted.relationships) ? 'own' : 'shared'](ctx, { participantId, limit: query.limit + 1 }, granted.event)
      : await (async () => {
          await recordAudit(ctx, granted.event);
          return ctx.db
            .select({ row: checkIns, micros: createdMicros })
            .from(checkIns)
            .where(
              and(
                readableCheckIns(granted),
                query.from ? gte(checkIns.createdAt, new Date(query.from)) : undefined,
                query.to ? lt(checkIns.createdAt, new Date(query.to)) : undefined,
                cursor
                  ? sql`(${checkIns.createdAt}, ${checkIns.id}) < (timestamptz 'epoch' + ${cursor.micros}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`
                  : undefined,
              ),
            )
            .orderBy(...newestFirst)
            .limit(query.limit + 1);
        })();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    checkIns: page.map(({ row }) => toCheckIn(row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ micros: last.micros, id: last.row.id }) : null,
  };
}
