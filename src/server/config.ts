import { z } from 'zod';

/**
 * One AES-256 key for journal text. Its id is stored beside each ciphertext, so entries written
 * under an older key stay readable while keys rotate. The key bytes live in a private field: they
 * never show in logs, JSON or inspection.
 */
export class JournalKey {
  readonly #material: Buffer;
  constructor(
    readonly id: string,
    material: Buffer,
  ) {
    this.#material = material;
  }
  /** The raw key, for the cipher alone. */
  material(): Buffer {
    return this.#material;
  }
  toJSON(): { id: string } {
    return { id: this.id };
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * `keyId:base64(32 bytes)`, comma-separated; the first is current, the rest only read older entries.
 * The messages name key ids and sizes, never key material.
 */
export function parseJournalKeys(value: string): { keys: JournalKey[] } | { error: string } {
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return { error: 'list at least one key as keyId:base64 (32 random bytes)' };
  const keys: JournalKey[] = [];
  for (const [i, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const encoded = colon > 0 ? entry.slice(colon + 1) : '';
    if (!KEY_ID.test(id)) return { error: `key ${i + 1} needs an id of letters, digits, - or _ before a colon (keyId:base64)` };
    if (!BASE64.test(encoded)) return { error: `key "${id}" is not base64` };
    const material = Buffer.from(encoded, 'base64');
    if (material.length !== 32) return { error: `key "${id}" is ${material.length} bytes; AES-256 needs exactly 32 (openssl rand -base64 32)` };
    if (keys.some((k) => k.id === id)) return { error: `key id "${id}" appears twice` };
    keys.push(new JournalKey(id, material));
  }
  return { keys };
}

const journalKeysSchema = z.string().transform((value, ctx) => {
  const parsed = parseJournalKeys(value);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.keys;
});

/**
 * The one place that reads the environment. Everything else receives a `Config`.
 * A bad value stops start-up with a message naming the variable.
 */
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PEERPATH_DATA_DIR: z.string().min(1).default('./data'),
  // The embedded database syncs each commit to disk; false trades that for speed (safe against a crash of Peerpath, not of the machine).
  PEERPATH_EMBEDDED_FSYNC: boolish.default(true),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Peerpath <no-reply@peerpath.local>'),
  CRISIS_LINE: z.string().min(1).default('988'),
  // Unset on the embedded database: a key is generated once into the data folder (see platform/crypto.ts).
  PEERPATH_JOURNAL_KEYS: journalKeysSchema.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: boolish.default(false),
  JOBS: boolish.default(true),
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
});

export type Config = z.infer<typeof configSchema> & { publicUrl: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Peerpath cannot start: the environment has bad values:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return { ...c, publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}` };
}

/**
 * The journal key of every test: fixed, so tests run alike on both databases without a data
 * folder, and public, so it must never encrypt anything real (only testConfig passes it).
 */
export const TEST_JOURNAL_KEYS = `test-1:${Buffer.from('peerpath test journal key, 32 b.').toString('base64')}`;

/** A config for tests and tools: defaults plus overrides, never the real environment. */
export function testConfig(overrides: Partial<Record<keyof typeof configSchema.shape, string>> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', JOBS: 'false', PEERPATH_JOURNAL_KEYS: TEST_JOURNAL_KEYS, ...overrides });
}
