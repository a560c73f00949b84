import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Served {
  url: string;
  child: ChildProcess;
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript file of bench/lib as its own process (through tsx) and waits for its `listening <url>`
 * line. BENCH_SERVER_NODE_ARGS adds Node options to it, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export function serve(file: string, env: Record<string, string | undefined>, onLine?: (line: string) => void): Promise<Served> {
  const t0 = performance.now();
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'bench/lib', file)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    let listening = false;
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      // Once listening, whole lines go to onLine (the server's memory reports, for one).
      if (listening) {
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        if (onLine) for (const line of lines) onLine(line);
        return;
      }
      const match = /listening (\S+)\n?/.exec(buffer);
      if (!match) return;
      listening = true;
      buffer = buffer.slice(match.index + match[0].length);
      child.removeAllListeners('exit');
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      resolve({
        url: match[1]!,
        child,
        startMs: performance.now() - t0,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
