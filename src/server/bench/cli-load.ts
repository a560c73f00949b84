import { loadStatewide } from './load-statewide.js';
import { DEFAULT_SEED, quickSizes, statewideSizes } from './sizes.js';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/peerpath_bench';

/** `peerpath bench load`: the options as commander gives them. */
export async function runBenchLoad(opts: { quick?: boolean; seed?: number; fresh?: boolean; force?: boolean; databaseUrl?: string | undefined; say: (line: string) => void }): Promise<void> {
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number of 0 or more');
  const url = opts.databaseUrl ?? DEFAULT_BENCH_DATABASE_URL;
  const sizes = opts.quick ? quickSizes : statewideSizes;
  opts.say(`Statewide dataset (${opts.quick ? 'quick' : 'full'}, seed ${seed}) into ${new URL(url).pathname.slice(1)}: ${Object.entries(sizes).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')}`);
  await loadStatewide({ url, sizes, seed, fresh: opts.fresh === true, force: opts.force === true, say: opts.say });
}
