import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseJournalKeys, type Config, type JournalKey } from '../config.js';

const ALGORITHM = 'aes-256-gcm';
// 96-bit random nonces: the size GCM is specified for (NIST SP 800-38D), fresh for every seal.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypted text as stored: which key, the nonce, the ciphertext and its authentication tag (base64). */
export interface SealedText {
  keyId: string;
  iv: string;
  ciphertext: string;
  authTag: string;
}

/** A sealed text that would not open. Its message names the key, never any text. */
export class CipherError extends Error {
  constructor(
    readonly reason: 'unknown_key' | 'not_authentic',
    readonly keyId: string,
  ) {
    super(reason === 'unknown_key' ? `no key "${keyId}" is configured` : `text sealed under key "${keyId}" failed authentication`);
    this.name = 'CipherError';
  }
}

/**
 * AES-256-GCM over a keyring. Each seal is bound to its context (additional authenticated data,
 * such as the row it belongs to), so a ciphertext copied elsewhere, or altered, does not open.
 */
export class TextCipher {
  readonly #keys: ReadonlyMap<string, JournalKey>;
  readonly currentKeyId: string;

  constructor(keys: readonly JournalKey[]) {
    if (keys.length === 0) throw new ConfigError('Peerpath cannot start: PEERPATH_JOURNAL_KEYS has no key.');
    this.#keys = new Map(keys.map((k) => [k.id, k]));
    this.currentKeyId = keys[0]!.id;
  }

  knows(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  /** The key ids other than the current one: entries under these are due for re-encryption. */
  olderKeyIds(): string[] {
    return [...this.#keys.keys()].filter((id) => id !== this.currentKeyId);
  }

  seal(plaintext: string, aad: string): SealedText {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#keys.get(this.currentKeyId)!.material(), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      keyId: this.currentKeyId,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      authTag: cipher.getAuthTag().toString('base64'),
    };
  }

  open(sealed: SealedText, aad: string): string {
    const key = this.#keys.get(sealed.keyId);
    if (!key) throw new CipherError('unknown_key', sealed.keyId);
    try {
      const decipher = createDecipheriv(ALGORITHM, key.material(), Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      // Node's own error says nothing about the text either; ours names the key for the operator.
      throw new CipherError('not_authentic', sealed.keyId);
    }
  }
}

export const JOURNAL_KEY_FILE = 'peerpath-journal.key';

/**
 * The journal keys this process will use. From PEERPATH_JOURNAL_KEYS when set. Otherwise, on the
 * embedded database only, a key generated once into the data folder (readable by its owner alone):
 * fine for a laptop, where the data and its key sit on one disk anyway. A PostgreSQL deployment
 * must bring its own keys, so that a database backup alone never reveals the journal.
 */
export function ensureJournalKeys(config: Config, say: (line: string) => void = () => {}): Config {
  if (config.PEERPATH_JOURNAL_KEYS?.length) return config;
  if (config.DATABASE_URL) {
    throw new ConfigError(
      'Peerpath cannot start: PEERPATH_JOURNAL_KEYS is not set. With PostgreSQL (DATABASE_URL), journal entries are encrypted with ' +
        'keys you provide: set PEERPATH_JOURNAL_KEYS=keyId:base64-of-32-random-bytes, for example k1:$(openssl rand -base64 32).',
    );
  }
  const dir = path.resolve(config.PEERPATH_DATA_DIR);
  const file = path.join(dir, JOURNAL_KEY_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
    if ((statSync(file).mode & 0o077) !== 0) say(`Warning: ${file} can be read by others; run: chmod 600 ${file}`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true });
    const id = `local-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
    text = `${id}:${randomBytes(32).toString('base64')}\n`;
    // 'wx': two processes starting at once cannot both write a key; the loser fails loudly.
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    say(`Journal key: generated ${file} (readable only by you). Keep it with the data folder: without it, journal entries cannot be read.`);
    say('On a server, set PEERPATH_JOURNAL_KEYS instead.');
  }
  const parsed = parseJournalKeys(text.trim());
  if ('error' in parsed) throw new ConfigError(`Peerpath cannot start: ${file} (the journal key, used when PEERPATH_JOURNAL_KEYS is not set): ${parsed.error}`);
  return { ...config, PEERPATH_JOURNAL_KEYS: parsed.keys };
}

/** The cipher for journal text, built once per app from the configured keys. */
export function journalCipherFor(config: Config): TextCipher {
  if (!config.PEERPATH_JOURNAL_KEYS?.length) {
    throw new ConfigError('Peerpath cannot start: PEERPATH_JOURNAL_KEYS is not set (the journal cannot be encrypted without a key).');
  }
  return new TextCipher(config.PEERPATH_JOURNAL_KEYS);
}
