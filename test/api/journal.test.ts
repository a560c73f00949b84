import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { auditEvents, journalEntries } from '../../src/server/db/schema/index.js';
import { createMemoryMailer } from '../../src/server/platform/mail.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { isolatedCliDatabase, runCli } from '../helpers/cli.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let me: Session;
let peer: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  me = await signIn(t.app, world.users.participantUser.email);
  peer = await signIn(t.app, world.users.peerA.email);
});
afterAll(() => t.close());

const journalUrl = () => `/api/participants/${world.participant.id}/journal`;
const PRIVATE_TEXT = 'The anniversary of Mum passing is hard. I drove past the old bar and kept going.';
const SHARED_TEXT = 'Ninety days today. I want Jordan to know I am proud of this one.';

async function write(text: string, shareWithPeer = false): Promise<{ id: string; text: string }> {
  const res = await me.post(journalUrl(), { text, shareWithPeer });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function rawRow(id: string): Promise<Record<string, unknown>> {
  const result = await t.database.db.execute(sql`select * from journal_entries where id = ${id}`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
}

describe('the journal is private, and encrypted at rest', () => {
  let privateEntry: { id: string };
  let sharedEntry: { id: string };
  beforeAll(async () => {
    privateEntry = await write(PRIVATE_TEXT);
    sharedEntry = await write(SHARED_TEXT, true);
  });

  it('stores ciphertext only: the text appears in no column of the row', async () => {
    const row = await rawRow(privateEntry.id);
    expect(row.key_id).toBe('test-1');
    const everything = JSON.stringify(row);
    for (const fragment of ['anniversary', 'Mum', 'old bar']) expect(everything).not.toContain(fragment);
    expect(Buffer.from(String(row.ciphertext), 'base64').toString('utf8')).not.toContain('anniversary');
  });

  it('gives the participant their own entries back as text, newest first, private unless shared', async () => {
    const res = await me.get(journalUrl());
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.sharedOnly).toBe(false);
    expect(page.can.write).toBe(true);
    const byId = new Map(page.entries.map((e: { id: string }) => [e.id, e]));
    expect(byId.get(privateEntry.id)).toMatchObject({ text: PRIVATE_TEXT, sharedWithPeer: false, sharedAt: null, can: { edit: true } });
    expect(byId.get(sharedEntry.id)).toMatchObject({ text: SHARED_TEXT, sharedWithPeer: true });
    expect(page.entries[0].id).toBe(sharedEntry.id);
  });

  it('shows the assigned peer worker a shared entry and nothing of an unshared one, not even that it exists', async () => {
    const page = (await peer.get(journalUrl())).json();
    expect(page.sharedOnly).toBe(true);
    expect(page.can.write).toBe(false);
    const ids = page.entries.map((e: { id: string }) => e.id);
    expect(ids).toContain(sharedEntry.id);
    expect(ids).not.toContain(privateEntry.id);
    expect(page.entries.find((e: { id: string }) => e.id === sharedEntry.id)).toMatchObject({ text: SHARED_TEXT, can: { edit: false } });

    const hidden = await peer.get(`${journalUrl()}/${privateEntry.id}`);
    const missing = await peer.get(`${journalUrl()}/${crypto.randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('journal_entry.not_found');
    // A private entry and one that never existed answer alike.
    expect({ ...hidden.json().error, requestId: '' }).toEqual({ ...missing.json().error, requestId: '' });
    expect(hidden.body).not.toContain('anniversary');

    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, privateEntry.id), eq(auditEvents.outcome, 'denied')));
    expect(denied.map((e) => e.action)).toContain('journal.read');
  });

  it('lets the participant un-share an entry (the peer worker loses it) and share it again', async () => {
    const unshare = await me.patch(`${journalUrl()}/${sharedEntry.id}`, { sharedWithPeer: false });
    expect(unshare.statusCode).toBe(200);
    expect(unshare.json()).toMatchObject({ sharedWithPeer: false, sharedAt: null, text: SHARED_TEXT });
    expect((await peer.get(`${journalUrl()}/${sharedEntry.id}`)).statusCode).toBe(404);
    expect((await peer.get(journalUrl())).json().entries.map((e: { id: string }) => e.id)).not.toContain(sharedEntry.id);

    const reshare = await me.patch(`${journalUrl()}/${sharedEntry.id}`, { sharedWithPeer: true });
    expect(reshare.json().sharedWithPeer).toBe(true);
    expect((await peer.get(`${journalUrl()}/${sharedEntry.id}`)).json().text).toBe(SHARED_TEXT);
  });

  it('lets the participant change the text, sealing it afresh', async () => {
    const before = await rawRow(privateEntry.id);
    const res = await me.patch(`${journalUrl()}/${privateEntry.id}`, { text: `${PRIVATE_TEXT} Later: I went to a meeting.` });
    expect(res.statusCode).toBe(200);
    expect(res.json().text).toBe(`${PRIVATE_TEXT} Later: I went to a meeting.`);
    const after = await rawRow(privateEntry.id);
    expect(after.iv).not.toBe(before.iv);
    expect(JSON.stringify(after)).not.toContain('meeting');
    expect(new Date(res.json().updatedAt).getTime()).toBeGreaterThan(new Date(String(before.updated_at)).getTime() - 1);
  });

  it('binds each ciphertext to its row: copied onto another entry, it does not open there', async () => {
    const victim = await write('A page that will be overwritten with someone else’s ciphertext.');
    const source = await t.database.db.select().from(journalEntries).where(eq(journalEntries.id, privateEntry.id));
    const { keyId, iv, ciphertext, authTag } = source[0]!;
    await t.database.db.update(journalEntries).set({ keyId, iv, ciphertext, authTag }).where(eq(journalEntries.id, victim.id));
    const res = await me.get(`${journalUrl()}/${victim.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().text).toBeNull();
    expect(res.body).not.toContain('anniversary');
    // The journal as a whole still opens.
    expect((await me.get(journalUrl())).statusCode).toBe(200);
  });

  it.each([
    ['otherParticipantUser'],
    ['peerA2'],
    ['peerB'],
    ['supervisorA'],
    ['supervisorB'],
    ['clinicianA'],
    ['orgAdmin'],
  ] as const)('refuses %s: the journal, its entries and writing to it are "not found"', async (who) => {
    const s = await signIn(t.app, world.users[who].email);
    for (const res of [
      await s.get(journalUrl()),
      await s.get(`${journalUrl()}/${sharedEntry.id}`),
      await s.post(journalUrl(), { text: 'not theirs to write' }),
      await s.patch(`${journalUrl()}/${sharedEntry.id}`, { sharedWithPeer: false }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('participant.not_found');
      expect(res.body).not.toContain('Ninety days');
    }
  });

  it('lets the peer worker read but never write or share', async () => {
    const post = await peer.post(journalUrl(), { text: 'written by the peer worker' });
    const patch = await peer.patch(`${journalUrl()}/${sharedEntry.id}`, { text: 'changed by the peer worker' });
    expect(post.statusCode).toBe(404);
    expect(patch.statusCode).toBe(404);
    expect((await me.get(`${journalUrl()}/${sharedEntry.id}`)).json().text).toBe(SHARED_TEXT);
  });

  it('answers bad input with a 400 naming the field, writes nothing, and never echoes the text', async () => {
    const count = async () => (await t.database.db.select().from(journalEntries).where(eq(journalEntries.participantId, world.participant.id))).length;
    const before = await count();
    const empty = await me.post(journalUrl(), { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.text');
    const long = await me.post(journalUrl(), { text: `secret-start ${'x'.repeat(20_001)}` });
    expect(long.statusCode).toBe(400);
    expect(long.body).not.toContain('secret-start');
    const nothing = await me.patch(`${journalUrl()}/${sharedEntry.id}`, {});
    expect(nothing.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('audits every read and write, and never the text', async () => {
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, world.participant.id), like(auditEvents.action, 'journal.%')));
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['journal.read', 'journal.create', 'journal.update', 'journal.share']) expect(actions).toContain(a);
    const shares = events.filter((e) => e.action === 'journal.share' && e.resourceId === sharedEntry.id).map((e) => e.details);
    expect(shares).toEqual(expect.arrayContaining([{ sharedWithPeer: false }, { sharedWithPeer: true }]));
    const trail = JSON.stringify(events);
    for (const fragment of ['anniversary', 'Ninety days', 'meeting']) expect(trail).not.toContain(fragment);
  });

  it('pages older entries with a cursor', async () => {
    const other = await signIn(t.app, world.users.otherParticipantUser.email);
    const url = `/api/participants/${world.otherParticipant.id}/journal`;
    const written: string[] = [];
    for (const n of [1, 2, 3]) written.push((await other.post(url, { text: `entry ${n}` })).json().id);
    const first = (await other.get(`${url}?limit=2`)).json();
    expect(first.entries.map((e: { text: string }) => e.text)).toEqual(['entry 3', 'entry 2']);
    expect(first.nextBefore).toBe(written[1]);
    const second = (await other.get(`${url}?limit=2&before=${first.nextBefore}`)).json();
    expect(second.entries.map((e: { text: string }) => e.text)).toEqual(['entry 1']);
    expect(second.nextBefore).toBeNull();
  });
});

describe('key rotation: `peerpath journal rotate-keys`', () => {
  const OLD = `old-1:${Buffer.from('o'.repeat(32)).toString('base64')}`;
  const NEW = `new-2:${Buffer.from('n'.repeat(32)).toString('base64')}`;

  it('re-encrypts old-key entries in batches under the current key; they still read back, with the old key gone', async () => {
    const target = await isolatedCliDatabase();
    try {
      const texts = ['first page under the old key', 'second page, shared', 'third page', 'fourth page', 'fifth page'];
      let ids: string[];
      let participantId: string;
      let participantEmail: string;
      let database = await target.open();
      try {
        await database.migrate();
        const w = await makeWorld(database.db);
        participantId = w.participant.id;
        participantEmail = w.users.participantUser.email;
        const app = await buildApp({ config: testConfig({ PEERPATH_JOURNAL_KEYS: OLD }), database, mailer: createMemoryMailer() });
        const s = await signIn(app, participantEmail);
        ids = [];
        for (const [i, text] of texts.entries()) {
          ids.push((await s.post(`/api/participants/${participantId}/journal`, { text, shareWithPeer: i === 1 })).json().id);
        }
        await app.close();
      } finally {
        await database.close();
      }

      const rotated = await runCli(['journal', 'rotate-keys', '--batch-size', '2'], { ...target.env, PEERPATH_JOURNAL_KEYS: `${NEW},${OLD}` });
      expect(rotated.stderr).toContain('Processed 2 of 5 entries');
      expect(rotated.stderr).toContain('Processed 5 of 5 entries');
      expect(rotated.stderr).toContain('5 of 5 entries re-encrypted under "new-2"');
      expect(rotated.stderr).toContain('older keys can now be removed');
      expect(rotated.code).toBe(0);
      for (const text of texts) expect(rotated.stderr + rotated.stdout).not.toContain(text);

      database = await target.open();
      try {
        const rows = await database.db.select().from(journalEntries).where(inArray(journalEntries.id, ids));
        expect(rows.map((r) => r.keyId)).toEqual(ids.map(() => 'new-2'));
        expect(rows.find((r) => r.id === ids[1])!.sharedWithPeerAt).not.toBeNull();
        const audited = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'journal.reencrypt'));
        expect(audited.map((e) => e.resourceId).sort()).toEqual([...ids].sort());
        expect(audited[0]!.details).toEqual({ fromKey: 'old-1', toKey: 'new-2' });

        // Only the new key from here on: every entry still reads back.
        const app = await buildApp({ config: testConfig({ PEERPATH_JOURNAL_KEYS: NEW }), database, mailer: createMemoryMailer() });
        const s = await signIn(app, participantEmail);
        const page = (await s.get(`/api/participants/${participantId}/journal`)).json();
        expect(page.entries.map((e: { text: string }) => e.text).sort()).toEqual([...texts].sort());
        await app.close();
      } finally {
        await database.close();
      }

      const bad = await runCli(['journal', 'rotate-keys'], { ...target.env, PEERPATH_JOURNAL_KEYS: 'new-2:tooshort' });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('PEERPATH_JOURNAL_KEYS');
    } finally {
      await target.dispose();
    }
  }, 240_000); // Each command starts its own process and opens the database: seconds apiece on the embedded one.
});
