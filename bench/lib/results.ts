import { appendFileSync } from 'node:fs';

/** One row of the results table. Times in milliseconds; rates per second. */
export interface ResultRow {
  bench: string;
  scenario: string;
  rps?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  errors?: number;
  ceilingRps?: number;
  ratio?: number;
  value?: number;
  unit?: string;
  note?: string;
}

/** Hands a row to scripts/bench.mjs (BENCH_RESULTS_FILE), which writes bench/results/. Without it, nothing. */
export function recordResult(row: ResultRow): void {
  const file = process.env.BENCH_RESULTS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}

export function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
