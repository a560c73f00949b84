import { appendFileSync } from 'node:fs';

/**
 * A figure the security and reliability tests prove (matrix cells, fuzz cases, writes lost, …): printed,
 * and collected by `npm test` (PEERPATH_FIGURES_FILE) so the run ends with all of them together.
 */
export function reportFigure(line: string): void {
  console.log(line);
  const file = process.env.PEERPATH_FIGURES_FILE;
  if (file) appendFileSync(file, `${line.replace(/\s+/g, ' ').trim()}\n`);
}
