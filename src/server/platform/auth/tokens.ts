import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A secret for a cookie or a mailed link; only its digest is stored. */
export function newSecret(bytes = 32): { token: string; digest: string } {
  const token = randomBytes(bytes).toString('base64url');
  return { token, digest: digestOf(token) };
}

export const digestOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
