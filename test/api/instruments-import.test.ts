import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, instrumentPacks } from '../../src/server/db/schema/index.js';
import { importInstrumentPack } from '../../src/server/modules/assessments/import-pack.js';
import { getInstrument, parseInstrumentPack, type InstrumentDefinitionInput } from '../../src/shared/instruments/index.js';
import { createTestApp, signIn, type TestApp } from '../helpers/app.js';
import { isolatedCliDatabase, runCli } from '../helpers/cli.js';
import { makeWorld, type World } from '../helpers/factories.js';

/** A mutable copy of a shipped definition, as it would appear in a JSON pack. */
const copyOf = (id: string) => JSON.parse(JSON.stringify(getInstrument(id))) as InstrumentDefinitionInput;

/** PHQ-9 1.0.0 with the published item wording, the way an organization would load it. */
function officialPhq9(): InstrumentDefinitionInput {
  const d = copyOf('phq9');
  d.wording = 'official';
  d.items[0]!.text = { en: 'Little interest or pleasure in doing things', es: 'Poco interés o placer en hacer cosas' };
  d.items[1]!.text = { en: 'Feeling down, depressed, or hopeless', es: 'Se ha sentido decaído(a), deprimido(a) o sin esperanzas' };
  return d;
}

const cliContext = (t: TestApp) => ({ actor: null, requestId: 'test-import', ip: null, db: t.database.db });

describe('an organization’s own wording', () => {
  let t: TestApp;
  let world: World;
  let elsewhere: World;
  beforeAll(async () => {
    t = await createTestApp();
    world = await makeWorld(t.database.db);
    elsewhere = await makeWorld(t.database.db);
  });
  afterAll(() => t.close());

  it('replaces the shipped wording of the same id + version for that organization only, and scores the same', async () => {
    const report = await importInstrumentPack(cliContext(t), parseInstrumentPack({ instruments: [officialPhq9()] }), { organizationSlug: world.org.slug });
    expect(report.instruments).toEqual([expect.objectContaining({ instrumentId: 'phq9', version: '1.0.0', result: 'imported', wording: 'official' })]);

    const mine = (await (await signIn(t.app, world.users.participantUser.email)).get('/api/instruments')).json().instruments;
    const theirs = (await (await signIn(t.app, elsewhere.users.participantUser.email)).get('/api/instruments')).json().instruments;
    const phq9Of = (list: Array<{ id: string }>) => list.find((d) => d.id === 'phq9') as unknown as InstrumentDefinitionInput;
    expect(phq9Of(mine).wording).toBe('official');
    expect(phq9Of(mine).items[0]!.text.en).toBe('Little interest or pleasure in doing things');
    expect(phq9Of(theirs).items[0]!.text.en).toBe(getInstrument('phq9')!.items[0]!.text.en);
    expect(mine).toHaveLength(5);

    const self = await signIn(t.app, world.users.participantUser.email);
    const res = await self.post(`/api/participants/${world.participant.id}/assessments`, {
      instrumentId: 'phq9',
      answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 0 },
      mode: 'self',
    });
    expect(res.json()).toMatchObject({ instrumentVersion: '1.0.0', scoringVersion: '1.0.0', scores: { total: 8 } });
  });

  it('refuses a pack that changes the scoring of a version already in use, and stores nothing', async () => {
    const changed = copyOf('gad7');
    changed.bands!.total![1]!.max = 10;
    changed.bands!.total![2]!.min = 11;
    await expect(importInstrumentPack(cliContext(t), parseInstrumentPack({ instruments: [changed] }), { organizationSlug: world.org.slug })).rejects.toThrow(
      /instruments\[0\]: gad7 version 1\.0\.0 scores differently from the definition shipped with Peerpath/,
    );
    const rows = await t.database.db.select().from(instrumentPacks).where(eq(instrumentPacks.organizationId, world.org.id));
    expect(rows.map((r) => r.instrumentId)).toEqual(['phq9']);
  });

  it('offers a new version of an instrument for new responses', async () => {
    const next = copyOf('phq2');
    next.version = '1.1.0';
    next.bands!.total![0]!.label = { en: 'Screen negative', es: 'Tamizaje negativo' };
    await importInstrumentPack(cliContext(t), parseInstrumentPack({ instruments: [next] }), { organizationSlug: world.org.slug });
    const self = await signIn(t.app, world.users.participantUser.email);
    const res = await self.post(`/api/participants/${world.participant.id}/assessments`, { instrumentId: 'phq2', answers: { 1: 0, 2: 1 }, mode: 'self' });
    expect(res.json()).toMatchObject({ instrumentVersion: '1.1.0', scoringVersion: '1.1.0', bands: { total: { label: { en: 'Screen negative' } } } });
  });
});

describe('peerpath instruments import', () => {
  let target: Awaited<ReturnType<typeof isolatedCliDatabase>>;
  let dir: string;
  beforeAll(async () => {
    target = await isolatedCliDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'peerpath-packs-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await target.dispose();
  });

  const writePack = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  };

  it(
    'imports a valid pack once, even when run twice; a malformed pack exits non-zero with a readable error and changes nothing',
    async () => {
      const org = await runCli(
        ['user', 'create', '--org', 'riverbend', '--org-name', 'Riverbend Recovery', '--role', 'org_admin', '--email', 'admin@riverbend.test', '--name', 'Sam Admin', '--password', 'a-long-enough-password'],
        target.env,
      );
      expect(org.code).toBe(0);

      const pack = writePack('official.json', { instruments: [officialPhq9()] });
      const first = await runCli(['instruments', 'import', pack, '--org', 'riverbend'], target.env);
      expect(first.stderr).toContain('Imported PHQ-9 (phq9) version 1.0.0, official wording, for Riverbend');
      expect(first.code).toBe(0);
      const second = await runCli(['instruments', 'import', pack, '--org', 'riverbend'], target.env);
      expect(second.code).toBe(0);
      expect(second.stderr).toContain('Already up to date: PHQ-9 (phq9) version 1.0.0');
      expect(second.stderr).toContain('Nothing changed.');

      const gapped = copyOf('gad7');
      gapped.bands!.total![1]!.min = 6;
      const malformed = await runCli(['instruments', 'import', writePack('gapped.json', { instruments: [gapped] })], target.env);
      expect(malformed.code).not.toBe(0);
      expect(malformed.stderr).toContain('Invalid instrument pack:');
      expect(malformed.stderr).toContain('instruments[0].bands.total[1].min: gap: 5–5 is not covered');

      const notJson = await runCli(['instruments', 'import', writePack('broken.json', '{ "instruments": [')], target.env);
      expect(notJson.code).not.toBe(0);
      expect(notJson.stderr).toContain('not valid JSON');

      const noOrg = await runCli(['instruments', 'import', pack, '--org', 'nowhere'], target.env);
      expect(noOrg.code).not.toBe(0);
      expect(noOrg.stderr).toContain('No organization "nowhere"');

      const database = await target.open();
      try {
        const rows = await database.db.select().from(instrumentPacks);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ instrumentId: 'phq9', version: '1.0.0' });
        expect(rows[0]!.organizationId).not.toBeNull();
        const audited = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'instruments.import'));
        expect(audited).toHaveLength(1);
        expect(audited[0]!.organizationId).toBe(rows[0]!.organizationId);
      } finally {
        await database.close();
      }
    },
    // Each command starts its own process and opens the database: seconds apiece on the embedded one.
    300_000,
  );
});
