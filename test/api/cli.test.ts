import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema/index.js';
import { isolatedCliDatabase, runCli } from '../helpers/cli.js';

let target: Awaited<ReturnType<typeof isolatedCliDatabase>>;
beforeAll(async () => {
  target = await isolatedCliDatabase();
});
afterAll(() => target.dispose());

describe('the peerpath command', () => {
  it('seeds the demo once, creates a user, and verifies the audit chain; then detects a row changed behind its back', async () => {
    const seed = await runCli(['seed', '--demo'], target.env);
    expect(seed.stderr).toContain('Demo data created.');
    expect(seed.code).toBe(0);
    const again = await runCli(['seed', '--demo'], target.env);
    expect(again.stderr).toContain('already there');

    const created = await runCli(
      ['user', 'create', '--org', 'riverbend', '--program', 'community', '--role', 'peer_worker', '--email', 'Casey@Riverbend.example', '--name', 'Casey Lin', '--password', 'casey-long-password'],
      target.env,
    );
    expect(created.code).toBe(0);
    const badRole = await runCli(['user', 'create', '--org', 'riverbend', '--role', 'wizard', '--email', 'x@y.z', '--name', 'X'], target.env);
    expect(badRole.code).not.toBe(0);

    const intact = await runCli(['audit', 'verify'], target.env);
    expect(intact.stderr).toMatch(/Audit chain intact: \d+ links verified/);
    expect(intact.code).toBe(0);

    const database = await target.open();
    try {
      const [casey] = await database.db.select().from(users).where(eq(users.email, 'casey@riverbend.example'));
      expect(casey?.displayName).toBe('Casey Lin');
      // Someone with database superpowers switches the guard off and edits history.
      await database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await database.db.execute(sql`update audit_events set action = 'participant.list' where id = (select event_id from audit_chain where seq = 3)`);
      await database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    } finally {
      await database.close();
    }
    const broken = await runCli(['audit', 'verify'], target.env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Audit chain BROKEN at link 3 \(event \d+\): the event was changed after it was sealed/);
  }, 180_000); // Each command starts its own process and opens the database: seconds apiece on the embedded one.

  it('stops with a message naming a bad environment variable', async () => {
    const res = await runCli(['migrate'], { ...target.env, PORT: 'eighty' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('PORT');
  });
});
