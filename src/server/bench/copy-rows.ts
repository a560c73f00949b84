import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | Date | null | undefined;

function field(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A PostgreSQL array literal of simple words (no quotes, commas or braces in them). */
export const pgArray = (items: readonly string[]): string => `{${items.join(',')}}`;

export type Progress = (table: string, done: number, total: number) => void;

/**
 * COPY rows into a table in the text format, in chunks, with back-pressure; `total` is what the
 * progress line counts towards (an estimate is fine). Returns the number of rows written.
 */
export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  total: number,
  progress: Progress,
): Promise<number> {
  let done = 0;
  function* chunks(): Generator<string> {
    let buffer: string[] = [];
    for (const row of rows) {
      buffer.push(row.map(field).join('\t'));
      done++;
      if (buffer.length === 5_000) {
        yield `${buffer.join('\n')}\n`;
        buffer = [];
        progress(table, done, total);
      }
    }
    if (buffer.length) yield `${buffer.join('\n')}\n`;
    progress(table, done, total);
  }
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), stream);
  return done;
}
