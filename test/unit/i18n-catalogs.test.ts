import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const web = path.resolve('src/web');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

const catalogs: Array<[string, string]> = [['app', path.join(web, 'i18n')]];
const features = path.join(web, 'features');
if (existsSync(features)) {
  for (const name of readdirSync(features)) {
    const dir = path.join(features, name, 'i18n');
    if (existsSync(dir)) catalogs.push([name, dir]);
  }
}

describe('message catalogs', () => {
  it.each(catalogs)('%s has the same keys in English and Spanish, none empty', (_name, dir) => {
    const en = read(path.join(dir, 'en.json'));
    const es = read(path.join(dir, 'es.json'));
    expect(keysOf(es).sort()).toEqual(keysOf(en).sort());
    const empty = [...leaves(en), ...leaves(es)].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(catalogs)('%s never uses words that shame people in recovery', (_name, dir) => {
    const text = `${readFileSync(path.join(dir, 'en.json'), 'utf8')} ${readFileSync(path.join(dir, 'es.json'), 'utf8')}`.toLowerCase();
    for (const word of [/\baddicts?\b/, /\bjunkies?\b/, /\bclean\b/, /\bdirty\b/, /\bsubstance abusers?\b/, /\badict[oa]s?\b/]) {
      expect(text).not.toMatch(word);
    }
  });
});

describe('access history labels', () => {
  it('names every kind of audit event in words', () => {
    const union = readFileSync(path.resolve('src/server/platform/audit.ts'), 'utf8');
    const actions = [...union.matchAll(/\|\s*'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]!);
    expect(actions.length).toBeGreaterThan(20);
    const en = read(path.join(web, 'i18n', 'en.json')) as { audit: { actions: Record<string, Record<string, string>> } };
    const missing = actions.filter((a) => {
      const [group, verb] = a.split('.') as [string, string];
      return !en.audit.actions[group]?.[verb];
    });
    expect(missing).toEqual([]);
  });
});
