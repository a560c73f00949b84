/**
 * Message send → delivery: SOCKETS participants of the statewide dataset hold a WebSocket open on our
 * server (as `peerpath start` runs it); their peer workers send them messages over HTTP, SENDERS at a
 * time, for DURATION seconds; each latency is from the start of the POST to the recipient's socket
 * receiving `message.created`. Sessions are made with the server's own createSession (the sign-in
 * limit would take minutes for thousands). A measurement to read, not a test.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { createSession } from '../src/server/platform/auth/sessions.js';
import { percentiles, recordResult } from './lib/results.js';
import { rssMb, serve } from './lib/processes.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/peerpath_bench';
const quick = process.env.BENCH_QUICK === '1';
const SOCKETS = quick ? 200 : 2_000;
const SENDERS = 10;
const DURATION_MS = (quick ? 5 : 20) * 1000;

async function main() {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  const rows = (
    await database.pool!.query<{ thread_id: string; participant_user: string; peer_user: string }>(
      `select t.id as thread_id, p.user_id as participant_user, a.peer_worker_id as peer_user
       from message_threads t join participants p on p.id = t.participant_id
       join peer_assignments a on a.participant_id = p.id and a.ended_at is null
       where p.user_id is not null order by t.id limit $1`,
      [SOCKETS],
    )
  ).rows;
  if (rows.length === 0) throw new Error('No message threads: run `peerpath bench load` first.');
  const config = loadConfig({});
  const session = async (userId: string) => createSession(database.db, config, userId, { ip: '127.0.0.1', userAgent: 'peerpath-bench' });
  const recipients = await Promise.all(rows.map(async (r) => ({ ...r, session: await session(r.participant_user) })));
  const peers = new Map<string, Awaited<ReturnType<typeof session>>>();
  for (const r of rows) if (!peers.has(r.peer_user)) peers.set(r.peer_user, await session(r.peer_user));
  await database.close();

  const server = await serve('serve-peerpath.ts', { DATABASE_URL: url, PEERPATH_JOURNAL_KEYS: `bench:${randomBytes(32).toString('base64')}` });
  const wsUrl = server.url.replace(/^http/, 'ws') + '/api/ws';
  const pending = new Map<string, number>(); // body tag → send start
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  try {
    const t0 = performance.now();
    await Promise.all(
      recipients.map(
        (r) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(wsUrl, { headers: { cookie: `peerpath_session=${r.session.token}` } });
            sockets.push(ws);
            ws.on('message', (raw) => {
              const event = JSON.parse(raw.toString()) as { type: string; preview?: string };
              if (event.type === 'ready') resolve();
              if (event.type !== 'message.created' || !event.preview) return;
              const tag = /^#(\d+)/.exec(event.preview)?.[1];
              const start = tag ? pending.get(tag) : undefined;
              if (start !== undefined) {
                latencies.push(performance.now() - start);
                pending.delete(tag!);
              }
            });
            ws.once('error', reject);
          }),
      ),
    );
    const connectMs = performance.now() - t0;
    const idleRss = rssMb(server.child.pid!);
    console.log(`${sockets.length} sockets connected in ${connectMs.toFixed(0)} ms; server RSS ${idleRss.toFixed(0)} MB.`);

    let counter = 0;
    let errors = 0;
    const end = performance.now() + DURATION_MS;
    const sender = async () => {
      while (performance.now() < end) {
        const r = recipients[counter % recipients.length]!;
        const tag = String(counter++);
        const peer = peers.get(r.peer_user)!;
        pending.set(tag, performance.now());
        const res = await fetch(`${server.url}/api/threads/${r.thread_id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `peerpath_session=${peer.token}`, 'x-csrf-token': peer.csrfToken },
          body: JSON.stringify({ body: `#${tag} How did the meeting go today?` }),
        });
        await res.arrayBuffer();
        if (res.status >= 400) errors++;
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    await new Promise((r) => setTimeout(r, 1_000)); // the last deliveries
    const loadedRss = rssMb(server.child.pid!);
    const { p50, p95, p99 } = percentiles(latencies);
    const rps = counter / (DURATION_MS / 1000);
    console.log(`Sent ${counter} messages (${rps.toFixed(0)}/s, ${errors} errors); delivered ${latencies.length}; not delivered ${pending.size}.`);
    console.log(`Send → delivery latency: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; server RSS ${loadedRss.toFixed(0)} MB.`);
    recordResult({ bench: 'messages', scenario: `message send → delivery (${sockets.length} sockets)`, rps, p50, p95, p99, errors: errors + pending.size, note: `latency to the recipient's socket; no ceiling yet; RSS ${loadedRss.toFixed(0)} MB` });
  } finally {
    for (const ws of sockets) ws.terminate();
    await server.stop();
  }
}

await main();
