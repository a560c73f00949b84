import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { integrationClients } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { digestOf, newSecret } from '../../platform/auth/tokens.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

type Row = typeof integrationClients.$inferSelect;
const view = (r: Row) => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  createdAt: r.createdAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});

/** An org admin connects a clinical partner's system; the token is shown once, only its digest is kept. */
export async function createIntegrationClient(ctx: AuthedContext, input: { name: string; scope: 'read' | 'write' }) {
  const { token } = newSecret();
  const full = `ppi_${token}`;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(integrationClients)
      .values({ organizationId: ctx.actor.organizationId, name: input.name, scope: input.scope, tokenHash: digestOf(full), createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, { action: 'integration_client.create', resourceType: 'integration_client', resourceId: row!.id, details: { name: input.name, scope: input.scope } });
    return { ...view(row!), token: full };
  });
}

export async function listIntegrationClients(ctx: AuthedContext) {
  const rows = await ctx.db.select().from(integrationClients).where(eq(integrationClients.organizationId, ctx.actor.organizationId)).orderBy(desc(integrationClients.createdAt));
  return { clients: rows.map(view) };
}

export async function revokeIntegrationClient(ctx: AuthedContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(integrationClients)
      .set({ revokedAt: sql`coalesce(${integrationClients.revokedAt}, now())` })
      .where(and(eq(integrationClients.id, id), eq(integrationClients.organizationId, ctx.actor.organizationId)))
      .returning();
    if (!row) throw new AppError('integration_client.not_found', 'That integration client was not found.');
    await recordAudit(tx, { action: 'integration_client.revoke', resourceType: 'integration_client', resourceId: id });
    return view(row);
  });
}

export interface IntegrationClient {
  id: string;
  organizationId: string;
  name: string;
  scope: 'read' | 'write';
  createdBy: string;
}

/**
 * The partner system behind a bearer token, for this organization and scope (write includes read).
 * A missing, unknown or revoked token is a 401; a read token asking to write is a 403. Both audited.
 */
export async function authenticateClient(ctx: RequestContext, header: string | undefined, organizationId: string, need: 'read' | 'write'): Promise<IntegrationClient> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  const [row] = token
    ? await ctx.db
        .select()
        .from(integrationClients)
        .where(and(eq(integrationClients.tokenHash, digestOf(token)), eq(integrationClients.organizationId, organizationId), isNull(integrationClients.revokedAt)))
    : [];
  if (!row) {
    await recordAudit(ctx, { action: 'integration.denied', outcome: 'denied', organizationId: null, resourceType: 'integration_client', details: { reason: 'token', organizationId } });
    throw new AppError('integration.token_invalid', 'That integration token is not valid.');
  }
  if (need === 'write' && row.scope !== 'write') {
    await recordAudit(ctx, { action: 'integration.denied', outcome: 'denied', organizationId, resourceType: 'integration_client', resourceId: row.id, details: { reason: 'scope', integrationClientId: row.id } });
    throw new AppError('integration.scope', 'This integration token may only read.');
  }
  await ctx.db.update(integrationClients).set({ lastUsedAt: sql`now()` }).where(eq(integrationClients.id, row.id));
  return { id: row.id, organizationId: row.organizationId, name: row.name, scope: row.scope, createdBy: row.createdBy };
}
