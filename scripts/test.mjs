#!/usr/bin/env node
// `npm test`: unit and API tests on the embedded database, the API tests again on PostgreSQL when
// TEST_DATABASE_URL is set, then the browser tests. Ends with the figures the security and reliability
// tests printed (matrix, fuzzing, crashes, backups) and one line: "N passed, M failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, '.tmp', 'results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const passes = [
  { name: 'unit + API (embedded database)', args: ['run'], env: { PEERPATH_TEST_DB: 'pglite' } },
];
if (process.env.TEST_DATABASE_URL) {
  passes.push({ name: 'API (PostgreSQL)', args: ['run', 'test/api'], env: { PEERPATH_TEST_DB: 'postgres' } });
} else {
  console.log('TEST_DATABASE_URL is not set: skipping the PostgreSQL pass (.ci/run sets it).');
}
if (process.env.PEERPATH_SKIP_E2E !== '1') {
  passes.push({ name: 'browser (Chromium)', args: ['run', '--config', 'vitest.e2e.config.ts'], env: { PEERPATH_TEST_DB: 'pglite' } });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;
for (const [i, pass] of passes.entries()) {
  console.log(`\n=== ${pass.name} ===`);
  const file = path.join(out, `pass-${i}.json`);
  const res = spawnSync('npx', ['vitest', ...pass.args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...pass.env, PEERPATH_FIGURES_FILE: path.join(out, `figures-${i}.txt`) },
  });
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + json.numTodoTests;
    // A file that fails to load counts its tests as none: count the suite itself as a failure.
    failed += json.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  } catch {
    broken = true;
  }
  if (res.status !== 0) broken = true;
}
// The figures the security and reliability tests prove, together (matrix, fuzzing, crashes, backups, …).
const figures = passes.flatMap((pass, i) => {
  const file = path.join(out, `figures-${i}.txt`);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  return lines.length ? [`${pass.name}:`, ...lines.map((l) => `  ${l}`)] : [];
});
if (figures.length) console.log(`\n=== figures ===\n${figures.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || broken ? 1 : 0);
