import WebSocket from 'ws';

export interface TestSocket {
  ws: WebSocket;
  events: Array<Record<string, unknown>>;
  /** Resolves with the first event (already received or still to come) that matches. */
  next(match: (e: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  closed: Promise<number>;
}

export function openSocket(baseUrl: string, headers: Record<string, string>): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/ws`, { headers });
    const events: Array<Record<string, unknown>> = [];
    const waiters: Array<{ match: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }> = [];
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('message', (raw) => {
      const event = JSON.parse(raw.toString()) as Record<string, unknown>;
      events.push(event);
      for (const w of [...waiters]) {
        if (w.match(event)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(event);
        }
      }
    });
    ws.on('unexpected-response', (_req, res) => reject(new Error(`socket refused: ${res.statusCode}`)));
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        events,
        closed,
        next(match, timeoutMs = 5_000) {
          const seen = events.find(match);
          if (seen) return Promise.resolve(seen);
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error('no matching event in time')), timeoutMs);
            waiters.push({ match, resolve: (e) => (clearTimeout(timer), res(e)) });
          });
        },
      }),
    );
  });
}
