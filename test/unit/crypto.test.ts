import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseJournalKeys, type JournalKey } from '../../src/server/config.js';
import { CipherError, ensureJournalKeys, JOURNAL_KEY_FILE, journalCipherFor, TextCipher } from '../../src/server/platform/crypto.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const KEY_A = b64('a'.repeat(32));
const KEY_B = b64('b'.repeat(32));
const keys = (value: string): JournalKey[] => {
  const parsed = parseJournalKeys(value);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.keys;
};

const TEXT = 'Today the craving came at 4pm and I called Jordan instead.';
const AAD = 'peerpath:journal_entry:v1:participant-1:entry-1';

describe('AES-256-GCM text cipher', () => {
  const cipher = new TextCipher(keys(`k2:${KEY_B},k1:${KEY_A}`));

  it('seals under the current key with a fresh 12-byte IV and a 16-byte tag, and opens again', () => {
    const a = cipher.seal(TEXT, AAD);
    const b = cipher.seal(TEXT, AAD);
    expect(a.keyId).toBe('k2');
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.authTag, 'base64')).toHaveLength(16);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(a.ciphertext, 'base64').toString('utf8')).not.toContain('craving');
    expect(cipher.open(a, AAD)).toBe(TEXT);
  });

  it('refuses to open with another context (AAD), a changed tag, a changed ciphertext or an unknown key', () => {
    const sealed = cipher.seal(TEXT, AAD);
    const flip = (b64text: string) => {
      const bytes = Buffer.from(b64text, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };
    const attempts = [
      () => cipher.open(sealed, 'peerpath:journal_entry:v1:participant-1:entry-2'),
      () => cipher.open({ ...sealed, authTag: flip(sealed.authTag) }, AAD),
      () => cipher.open({ ...sealed, ciphertext: flip(sealed.ciphertext) }, AAD),
      () => cipher.open({ ...sealed, iv: flip(sealed.iv) }, AAD),
      () => cipher.open({ ...sealed, keyId: 'k1' }, AAD),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(CipherError);
      try {
        attempt();
      } catch (err) {
        expect((err as Error).message).not.toContain('craving');
        expect((err as CipherError).reason).toBe('not_authentic');
      }
    }
    expect(() => cipher.open({ ...sealed, keyId: 'gone' }, AAD)).toThrow(/no key "gone"/);
  });

  it('opens text sealed under an older key that is still configured', () => {
    const old = new TextCipher(keys(`k1:${KEY_A}`)).seal(TEXT, AAD);
    expect(old.keyId).toBe('k1');
    expect(cipher.open(old, AAD)).toBe(TEXT);
    expect(cipher.olderKeyIds()).toEqual(['k1']);
  });
});

describe('journal keys in the configuration', () => {
  it('reads keyId:base64 pairs, the first being current, and never shows the key bytes', () => {
    const c = loadConfig({ PEERPATH_JOURNAL_KEYS: ` k2:${KEY_B} , k1:${KEY_A}` });
    expect(c.PEERPATH_JOURNAL_KEYS!.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(JSON.stringify(c)).not.toContain(KEY_B);
    expect(inspect(c, { depth: 10 })).not.toContain(KEY_B);
    expect(inspect(c, { depth: 10 })).not.toContain('bbbb');
  });

  it.each([
    ['no id', KEY_A],
    ['not base64', 'k1:not base64!'],
    ['16 bytes', `k1:${b64('x'.repeat(16))}`],
    ['a repeated id', `k1:${KEY_A},k1:${KEY_B}`],
    ['an empty list', ' , '],
  ])('stops start-up on %s, naming PEERPATH_JOURNAL_KEYS and not the key', (_what, value) => {
    expect(() => loadConfig({ PEERPATH_JOURNAL_KEYS: value })).toThrow(ConfigError);
    try {
      loadConfig({ PEERPATH_JOURNAL_KEYS: value });
    } catch (err) {
      expect((err as Error).message).toContain('PEERPATH_JOURNAL_KEYS');
      expect((err as Error).message).not.toContain(KEY_B);
    }
  });

  it('will not build the journal cipher without a key', () => {
    expect(() => journalCipherFor(loadConfig({}))).toThrow(/PEERPATH_JOURNAL_KEYS/);
  });

  it('refuses to start on PostgreSQL without keys, naming the variable', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://db.example/peerpath' });
    expect(() => ensureJournalKeys(c)).toThrow(ConfigError);
    expect(() => ensureJournalKeys(c)).toThrow(/PEERPATH_JOURNAL_KEYS is not set/);
  });

  it('keeps configured keys as they are', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://db.example/peerpath', PEERPATH_JOURNAL_KEYS: `k1:${KEY_A}` });
    expect(ensureJournalKeys(c)).toBe(c);
  });

  describe('on the embedded database without keys', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('generates a key once into the data folder, readable by its owner alone, and says so', () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'peerpath-keys-'));
      const dataDir = path.join(dir, 'data');
      const said: string[] = [];
      const first = ensureJournalKeys(loadConfig({ PEERPATH_DATA_DIR: dataDir }), (l) => said.push(l));
      const file = path.join(dataDir, JOURNAL_KEY_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(said.join('\n')).toContain(`generated ${file}`);
      expect(said.join('\n')).not.toContain(readFileSync(file, 'utf8').split(':')[1]!.trim());

      const saidAgain: string[] = [];
      const second = ensureJournalKeys(loadConfig({ PEERPATH_DATA_DIR: dataDir }), (l) => saidAgain.push(l));
      expect(saidAgain).toEqual([]);
      const sealed = new TextCipher(first.PEERPATH_JOURNAL_KEYS!).seal(TEXT, AAD);
      expect(new TextCipher(second.PEERPATH_JOURNAL_KEYS!).open(sealed, AAD)).toBe(TEXT);
    });

    it('stops on a damaged key file, naming the file and the variable', () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'peerpath-keys-'));
      writeFileSync(path.join(dir, JOURNAL_KEY_FILE), 'local:short', { mode: 0o600 });
      expect(() => ensureJournalKeys(loadConfig({ PEERPATH_DATA_DIR: dir }))).toThrow(new RegExp(`${JOURNAL_KEY_FILE}.*PEERPATH_JOURNAL_KEYS`));
    });
  });
});
