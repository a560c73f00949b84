import { createHash } from 'node:crypto';

// A fixed namespace for Peerpath's own HSDS ids (RFC 4122 name-based, version 5).
const NAMESPACE = Buffer.from('5f0c7a52d3e34b8e9b2a4c1d6e7f8091', 'hex');

/**
 * A stable UUID for a name: the records Peerpath writes for a local resource (its phone, each
 * opening-hours row, each category) keep their ids across edits, as HSDS consumers expect.
 */
export function derivedId(...parts: Array<string | number>): string {
  const hash = createHash('sha1').update(NAMESPACE).update(parts.join(':')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
