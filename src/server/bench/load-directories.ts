import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/client.js';
import { importMeetingFeed } from '../modules/meetings/import-meetings.js';
import { readJsonDocument } from '../modules/resources/hsds/read-package.js';
import { importHsdsPackage } from '../modules/resources/import-hsds.js';
import { generateHsdsDirectory, generateMeetingFeed } from './directory-data.js';
import { benchId } from './prng.js';
import type { StatewideSizes } from './sizes.js';
import type { ServiceRef } from './statewide-records.js';
import { Kind } from './statewide-people.js';

/** How many directory services each organization keeps: half for the first (a metro 211), the rest shared evenly. */
export function servicesPerOrganization(sizes: StatewideSizes): number[] {
  if (sizes.organizations === 1) return [sizes.services];
  const first = Math.ceil(sizes.services / 2);
  const rest = sizes.services - first;
  const others = sizes.organizations - 1;
  return [first, ...Array.from({ length: others }, (_, o) => Math.floor(rest / others) + (o < rest % others ? 1 : 0))];
}

/**
 * The directories, through the real importers (validation, derived search rows, audit): the
 * statewide Meeting Guide feed into the first organization, and each organization's share of the
 * HSDS directory. Returns each organization's services, for referrals to point at.
 */
export async function loadDirectories(opts: { url: string; sizes: StatewideSizes; seed: number; say: (line: string) => void }): Promise<ServiceRef[][]> {
  const database = await openDatabase({ kind: 'postgres', url: opts.url, poolSize: 2 });
  try {
    const ctx = { actor: null, requestId: `bench:load:${opts.seed}`, ip: null, db: database.db };
    const orgId = (o: number) => benchId(Kind.organization, opts.seed, o);
    let t0 = performance.now();
    if (opts.sizes.meetings > 0) {
      const report = await importMeetingFeed(ctx, orgId(0), generateMeetingFeed(opts.sizes.meetings, 42 + opts.seed), { source: 'bench' });
      opts.say(`  meetings (Meeting Guide)  ${report.counts.imported.toLocaleString('en-US').padStart(11)} imported, ${report.counts.rejected} rejected, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    t0 = performance.now();
    const shares = servicesPerOrganization(opts.sizes);
    let first = 0;
    let records = 0;
    for (let o = 0; o < shares.length; o++) {
      const tables = generateHsdsDirectory(shares[o]!, first, 7 + opts.seed);
      first += shares[o]!;
      if (shares[o] === 0) continue;
      const report = await importHsdsPackage(ctx, readJsonDocument(tables, `bench-${o}.json`), { organizationId: orgId(o), source: 'bench' });
      records += report.imported;
      if (report.rejected.length > 0) throw new Error(`the generated directory of organization ${o} had ${report.rejected.length} rejected records`);
    }
    opts.say(`  resource services (HSDS)  ${opts.sizes.services.toLocaleString('en-US').padStart(11)} services (${records.toLocaleString('en-US')} records) in ${shares.length} directories, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const found = (await database.executeSql(
      `select organization_id, id, name, provider_name, coalesce(categories[1], 'other') as category from resource_services where status = 'active' order by organization_id, id`,
      [],
    )) as { rows: Array<{ organization_id: string; id: string; name: string; provider_name: string | null; category: string }> };
    const index = new Map(Array.from({ length: opts.sizes.organizations }, (_, o) => [orgId(o), o]));
    const directories: ServiceRef[][] = Array.from({ length: opts.sizes.organizations }, () => []);
    for (const r of found.rows) {
      const o = index.get(r.organization_id);
      if (o !== undefined) directories[o]!.push({ id: r.id, name: r.name, providerName: r.provider_name, category: r.category });
    }
    return directories;
  } finally {
    await database.close();
  }
}
