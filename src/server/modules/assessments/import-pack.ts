import { isDeepStrictEqual } from 'node:util';
import { and, eq, isNull, or } from 'drizzle-orm';
import {
  InstrumentPackError,
  getInstrument,
  instrumentDefinitionSchema,
  type InstrumentDefinition,
  type PackIssue,
} from '../../../shared/instruments/index.js';
import type { Db } from '../../db/client.js';
import { instrumentPacks, organizations } from '../../db/schema/index.js';
import { recordAudit, type AuditContext } from '../../platform/audit.js';
import { scoringOf } from './definitions.js';

export type ImportResult = 'imported' | 'updated' | 'unchanged';

export interface ImportedInstrument {
  instrumentId: string;
  version: string;
  shortName: string;
  wording: InstrumentDefinition['wording'];
  result: ImportResult;
}

export interface ImportReport {
  /** The organization the pack was imported for; null for every organization. */
  organization: { id: string; slug: string; name: string } | null;
  instruments: ImportedInstrument[];
}

/**
 * Imports definitions (from `parseInstrumentPack`, the validation the shipped ones pass too), for one
 * organization or for all. A definition that reuses an existing id + version may change its words
 * but not its scoring. Importing the same definitions again changes nothing.
 */
export async function importInstrumentPack(
  ctx: AuditContext,
  definitions: readonly InstrumentDefinition[],
  opts: { organizationSlug?: string } = {},
): Promise<ImportReport> {
  const organization = opts.organizationSlug === undefined ? null : await requireOrganization(ctx, opts.organizationSlug);
  const organizationId = organization?.id ?? null;

  return ctx.db.transaction(async (db) => {
    const tx: AuditContext = { ...ctx, db: db as unknown as Db };
    const stored = await tx.db
      .select()
      .from(instrumentPacks)
      .where(or(isNull(instrumentPacks.organizationId), organizationId ? eq(instrumentPacks.organizationId, organizationId) : undefined));
    const problems = scoringConflicts(definitions, stored);
    if (problems.length > 0) throw new InstrumentPackError(problems);

    const imported: ImportedInstrument[] = [];
    for (const definition of definitions) {
      const same = stored.find((row) => row.organizationId === organizationId && row.instrumentId === definition.id && row.version === definition.version);
      let result: ImportResult = 'imported';
      if (!same) {
        await tx.db.insert(instrumentPacks).values({ organizationId, instrumentId: definition.id, version: definition.version, definition: asJson(definition) });
      } else if (isDeepStrictEqual(instrumentDefinitionSchema.parse(same.definition), definition)) {
        result = 'unchanged';
      } else {
        await tx.db.update(instrumentPacks).set({ definition: asJson(definition), importedAt: new Date() }).where(eq(instrumentPacks.id, same.id));
        result = 'updated';
      }
      imported.push({ instrumentId: definition.id, version: definition.version, shortName: definition.shortName, wording: definition.wording, result });
    }

    const changed = imported.filter((i) => i.result !== 'unchanged');
    if (changed.length > 0) {
      await recordAudit(tx, {
        action: 'instruments.import',
        organizationId,
        resourceType: 'instrument_definitions',
        details: { scope: organization?.slug ?? 'all organizations', instruments: changed.map(({ instrumentId, version, result }) => ({ instrumentId, version, result })) },
      });
    }
    return { organization, instruments: imported };
  });
}

async function requireOrganization(ctx: AuditContext, slug: string) {
  const [org] = await ctx.db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!org) throw new Error(`No organization "${slug}".`);
  return org;
}

/** Each definition whose id + version is already known (shipped or imported) with a different scoring. */
function scoringConflicts(definitions: readonly InstrumentDefinition[], stored: Array<typeof instrumentPacks.$inferSelect>): PackIssue[] {
  const issues: PackIssue[] = [];
  definitions.forEach((definition, i) => {
    const known = [
      ...[getInstrument(definition.id)].filter((d) => d?.version === definition.version).map((d) => ({ d: d!, where: 'the definition shipped with Peerpath' })),
      ...stored
        .filter((row) => row.instrumentId === definition.id && row.version === definition.version)
        .map((row) => ({
          d: instrumentDefinitionSchema.parse(row.definition),
          where: row.organizationId === null ? 'the pack imported for every organization' : "this organization's imported pack",
        })),
    ];
    const conflict = known.find(({ d }) => !isDeepStrictEqual(scoringOf(d), scoringOf(definition)));
    if (conflict) {
      issues.push({
        path: `instruments[${i}]`,
        message:
          `${definition.id} version ${definition.version} scores differently from ${conflict.where}. ` +
          'A pack may change the words of an existing version, never its items, answers, scoring, bands or flags; give new scoring a new version.',
      });
    }
  });
  return issues;
}

const asJson = (definition: InstrumentDefinition) => JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;

/** One line per instrument, the way the CLI prints it. */
export function describeImport(report: ImportReport): string[] {
  const scope = report.organization ? `for ${report.organization.name} (${report.organization.slug})` : 'for every organization';
  const verbs: Record<ImportResult, string> = { imported: 'Imported', updated: 'Updated', unchanged: 'Already up to date:' };
  const lines = report.instruments.map(
    (i) => `${verbs[i.result]} ${i.shortName} (${i.instrumentId}) version ${i.version}, ${i.wording === 'official' ? 'official' : 'plain-language'} wording, ${scope}.`,
  );
  const changed = report.instruments.filter((i) => i.result !== 'unchanged').length;
  lines.push(changed === 0 ? 'Nothing changed.' : `${changed} of ${report.instruments.length} definitions imported or updated.`);
  return lines;
}
