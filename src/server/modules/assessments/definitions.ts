import { eq, isNull, or } from 'drizzle-orm';
import { instrumentDefinitionSchema, instruments, workerInstrumentIds, type InstrumentDefinition } from '../../../shared/instruments/index.js';
import type { Db } from '../../db/client.js';
import { instrumentPacks } from '../../db/schema/index.js';

/**
 * Which instrument definitions an organization uses. Three layers, keyed by instrument id +
 * version: the definitions shipped with Peerpath, packs imported for every organization, and
 * packs an organization imported for itself (for example the official wording, where its terms
 * allow). A later layer replaces an earlier one's definition of the same id + version for that
 * organization; the newest version of each instrument is the one offered for new responses.
 */

/** Layers in override order: an organization's own pack wins over a global one, which wins over the shipped one. */
const layerRank = { shipped: 0, global: 1, organization: 2 } as const;
type Layer = keyof typeof layerRank;

interface Layered {
  definition: InstrumentDefinition;
  layer: Layer;
}

const key = (id: string, version: string) => `${id}@${version}`;

/** Version strings compare the way people read them: "1.10.0" after "1.9.0". */
export const compareVersions = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export class OrganizationInstruments {
  private readonly byKey = new Map<string, Layered>();

  constructor(layers: Iterable<Layered>) {
    for (const entry of layers) {
      const k = key(entry.definition.id, entry.definition.version);
      const held = this.byKey.get(k);
      if (!held || layerRank[entry.layer] >= layerRank[held.layer]) this.byKey.set(k, entry);
    }
  }

  /** The definition of exactly this version, as the organization sees it. */
  version(id: string, version: string): InstrumentDefinition | undefined {
    return this.byKey.get(key(id, version))?.definition;
  }

  /** The newest version of an instrument: the one a new response is scored with. */
  current(id: string): InstrumentDefinition | undefined {
    let best: InstrumentDefinition | undefined;
    for (const { definition } of this.byKey.values()) {
      if (definition.id === id && (!best || compareVersions(definition.version, best.version) > 0)) best = definition;
    }
    return best;
  }

  /** One definition per instrument (its current version): shipped ones in their order, then imported ones by id. */
  all(): InstrumentDefinition[] {
    const shippedOrder = instruments.map((d) => d.id);
    const ids = [...new Set([...this.byKey.values()].map((e) => e.definition.id))].sort((a, b) => {
      const ia = shippedOrder.indexOf(a);
      const ib = shippedOrder.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
      return a.localeCompare(b);
    });
    return ids.map((id) => this.current(id)!);
  }
}

/** Everything the organization may use, read in one query. Stored packs were validated at import and are checked again here. */
export async function organizationInstruments(db: Db, organizationId: string): Promise<OrganizationInstruments> {
  const rows = await db
    .select({ organizationId: instrumentPacks.organizationId, definition: instrumentPacks.definition })
    .from(instrumentPacks)
    .where(or(isNull(instrumentPacks.organizationId), eq(instrumentPacks.organizationId, organizationId)));
  return new OrganizationInstruments([
    ...instruments.map((definition) => ({ definition, layer: 'shipped' as const })),
    ...rows.map((row) => ({
      definition: instrumentDefinitionSchema.parse(row.definition),
      layer: row.organizationId === null ? ('global' as const) : ('organization' as const),
    })),
  ]);
}

/**
 * Everything that decides a score, without the words. Two definitions of the same id + version
 * must agree on this: a stored response names its scoring version, so that version's scoring may
 * never change underneath it. New scoring needs a new version.
 */
export function scoringOf(d: InstrumentDefinition): unknown {
  return {
    recallDays: d.recallPeriod.days,
    items: d.items.map((i) => ({
      id: i.id,
      scale: i.scale,
      scored: i.scored,
      skipWhen: i.skipWhen ?? null,
      atMostItem: i.atMostItem ?? null,
    })),
    scales: Object.fromEntries(
      Object.entries(d.scales).map(([name, s]) => [
        name,
        s.type === 'choice' ? { type: s.type, values: s.options.map((o) => o.value), points: s.points } : { type: s.type, max: s.max, bins: s.bins },
      ]),
    ),
    scoring: d.scoring.map((r) => ({ id: r.id, method: r.method, items: r.items, direction: r.direction })),
    bands: Object.fromEntries(
      Object.entries(d.bands).map(([id, bands]) => [id, bands.map((b) => ({ min: b.min, max: b.max, severity: b.severity ?? null }))]),
    ),
    flags: d.flags.map((f) => ({ id: f.id, item: f.when.item ?? null, score: f.when.score ?? null, atLeast: f.when.atLeast })),
    thresholds: d.thresholds.map((t) => ({ id: t.id, score: t.score, atLeast: t.atLeast })),
  };
}

/** The measures the actor's organization offers, current version of each, every word in both languages. */
export async function listInstruments(ctx: { db: Db; actor: { organizationId: string } }): Promise<InstrumentDefinition[]> {
  // A pack may carry a workforce instrument's wording (ProQOL 5); it is never offered to participants.
  return (await organizationInstruments(ctx.db, ctx.actor.organizationId)).all().filter((d) => !workerInstrumentIds.includes(d.id));
}
