import { readFile } from 'node:fs/promises';
import { fetchMeetingFeed } from './fetch-feed.js';

/** A feed from a file path or an http(s) URL, for the command line (which may fetch from any address). */
export async function readMeetingFeedSource(source: string): Promise<unknown> {
  if (/^https?:\/\//i.test(source)) return fetchMeetingFeed(source, { allowPrivate: true });
  const text = await readFile(source, 'utf8').catch((err: Error) => {
    throw new Error(`cannot read ${source}: ${err.message}`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${source} is not valid JSON`);
  }
}
