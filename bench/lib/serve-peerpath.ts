/**
 * Our server as `peerpath start` runs it (startServer: migrations, jobs, audit sealer, every plugin),
 * without the web build or demo data. Prints `listening <url>` on stdout once it accepts requests.
 * DATABASE_URL for PostgreSQL, or PEERPATH_DATA_DIR for the embedded database.
 * BENCH_MEMORY_EVERY_MS: also prints `memory {json}` that often (RSS, heap, event-loop delay since the last line).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../src/server/config.js';
import { ensureJournalKeys } from '../../src/server/platform/crypto.js';
import { startServer } from '../../src/server/server.js';

const config = ensureJournalKeys(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }));
const server = await startServer(config);
process.stdout.write(`listening ${server.url}\n`);
const every = Number(process.env.BENCH_MEMORY_EVERY_MS ?? 0);
if (every > 0) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
  setInterval(() => {
    const m = process.memoryUsage();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const report = { at: Date.now(), rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), loopP50Ms: ms(delay.percentile(50)), loopP99Ms: ms(delay.percentile(99)), loopMaxMs: ms(delay.max) };
    delay.reset();
    process.stdout.write(`memory ${JSON.stringify(report)}\n`);
  }, every).unref();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.stop().then(() => process.exit(0), () => process.exit(1)));
