/**
 * Start-up time and memory (RSS) of our server on the embedded database, as `npm start` runs it
 * without PostgreSQL: first with a new, empty data folder (migrations included), then again on the
 * same folder. Needs no PostgreSQL, so it runs in every `npm run bench`. A measurement to read, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rssMb, serve } from './lib/processes.js';
import { recordResult } from './lib/results.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peerpath-bench-'));
try {
  const embedded = await serve('serve-peerpath.ts', { DATABASE_URL: '', PEERPATH_DATA_DIR: dataDir });
  const rss = rssMb(embedded.child.pid!);
  await embedded.stop();
  const again = await serve('serve-peerpath.ts', { DATABASE_URL: '', PEERPATH_DATA_DIR: dataDir });
  const rssAgain = rssMb(again.child.pid!);
  await again.stop();
  console.log(`Embedded database: first start ${embedded.startMs.toFixed(0)} ms (RSS ${rss.toFixed(0)} MB); next start ${again.startMs.toFixed(0)} ms (RSS ${rssAgain.toFixed(0)} MB).`);
  recordResult({ bench: 'server', scenario: 'start-up, embedded database, new data folder', value: embedded.startMs, unit: 'ms', note: `RSS ${rss.toFixed(0)} MB` });
  recordResult({ bench: 'server', scenario: 'start-up, embedded database, existing data folder', value: again.startMs, unit: 'ms', note: `RSS ${rssAgain.toFixed(0)} MB` });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
