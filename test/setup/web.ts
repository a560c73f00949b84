import { ensureWebBuilt } from '../../src/server/web-build.js';

/** The browser tests need the built web app; build it when the sources changed. */
export default async function setup(): Promise<void> {
  await ensureWebBuilt((line) => console.log(line));
}
