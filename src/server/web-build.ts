import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { webRoot } from './app.js';

const projectRoot = path.resolve(webRoot, '../..');

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), 0);
}

/** Builds the web app when its sources are newer than the last build (a fresh clone, or after an edit). */
export async function ensureWebBuilt(say: (line: string) => void): Promise<void> {
  const sources = ['src/web', 'src/shared', 'index.html', 'vite.config.ts'].map((p) => path.join(projectRoot, p));
  if (!existsSync(path.join(projectRoot, 'index.html'))) return;
  const built = newestMtime(path.join(webRoot, 'index.html'));
  if (built > Math.max(...sources.map(newestMtime))) return;
  say('Building the web app…');
  const { build } = await import('vite');
  await build({ root: projectRoot, configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}
