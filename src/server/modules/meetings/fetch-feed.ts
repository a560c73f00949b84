import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../../platform/errors.js';

const MAX_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

/** Loopback, private, link-local (cloud metadata), carrier-grade NAT and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 6) {
    const a = address.toLowerCase();
    if (a.startsWith('::ffff:')) return isPrivateAddress(a.slice(7));
    return a === '::' || a === '::1' || a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe80');
  }
  const [a, b] = address.split('.').map(Number) as [number, number];
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

const invalid = (message: string) => new AppError('meeting_feed.invalid', message, [{ path: 'body.url', message }]);

/**
 * Fetches a feed over http(s). From the web app (`allowPrivate` false) the server refuses addresses
 * on its own network, so an upload form cannot be used to reach internal services; redirects are
 * followed by hand (at most three) and checked the same way. The command line may fetch anything.
 */
export async function fetchMeetingFeed(url: string, { allowPrivate = false } = {}): Promise<unknown> {
  let current = url;
  for (let hop = 0; hop < 4; hop++) {
    const parsed = new URL(current);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid('The feed URL must start with http:// or https://.');
    if (!allowPrivate) {
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
      if (addresses.length === 0) throw invalid(`The host ${parsed.hostname} could not be found.`);
      if (addresses.some(isPrivateAddress)) throw invalid('That address is on a private network; upload the file instead.');
    }
    let response: Response;
    try {
      response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
    } catch {
      throw invalid('The feed could not be fetched (no answer from that address).');
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      current = new URL(response.headers.get('location')!, current).toString();
      continue;
    }
    if (!response.ok) throw invalid(`The feed address answered ${response.status}.`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_BYTES) throw invalid('The feed is larger than 20 MB.');
    const text = await response.text();
    if (text.length > MAX_BYTES) throw invalid('The feed is larger than 20 MB.');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw invalid('The feed is not valid JSON.');
    }
  }
  throw invalid('The feed address redirects too many times.');
}
