import { and, asc, eq } from 'drizzle-orm';
import { isOpenAt, nextChange, type OpenInterval } from '../../../shared/resources/schedule.js';
import type { LocalResource, ServiceDetail } from '../../../shared/schemas/resources.js';
import { resourceTips, users } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { directoryTimeZone, loadServices } from './directory-store.js';
import { projectService } from './project-service.js';
import { directoryOf, editsDirectory, refersParticipants, requireService } from './resource-access.js';
import { needsCheck } from './search-services.js';

type Obj = Record<string, any>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The week as people read it: each opening on the day it starts (a night shift is one row, 22:00–06:00). */
function weekly(hours: OpenInterval[]): ServiceDetail['hours']['weekly'] {
  const starts = hours.filter((h) => !h.spill);
  return starts
    .map((h) => {
      const spill = hours.find((x) => x.spill && x.weekday === (h.weekday + 1) % 7 && h.closes === 1440 && x.validFrom === h.validFrom && x.nth === h.nth);
      return { weekday: h.weekday, opens: hhmm(h.opens), closes: spill ? hhmm(spill.closes) : h.closes === 1440 ? '24:00' : hhmm(h.closes), nth: h.nth, utcOffsetMinutes: h.utcOffsetMinutes };
    })
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** A local resource back in the shape of its form (the records were written from it by local-resource-records.ts). */
function editableResource(service: Obj, p: ReturnType<typeof projectService>): LocalResource {
  const location = list(service.service_at_locations)[0]?.location as Obj | undefined;
  const address = list(location?.addresses)[0];
  const place = p.places[0];
  return {
    name: p.name,
    providerName: p.providerName && p.providerName !== p.name ? p.providerName : undefined,
    description: p.description ?? undefined,
    categories: p.categories as LocalResource['categories'],
    phone: str(list(service.phones)[0]?.number) ?? undefined,
    email: str(service.email) ?? undefined,
    url: str(service.url) ?? undefined,
    address: address ? { street: String(address.address_1 ?? ''), city: String(address.city ?? ''), region: String(address.state_province ?? ''), postalCode: String(address.postal_code ?? ''), country: String(address.country ?? 'US') } : undefined,
    latitude: place?.latitude ?? undefined,
    longitude: place?.longitude ?? undefined,
    languages: list(service.languages).map((l) => str(l.code)).filter((c): c is string => c !== null),
    free: p.free,
    feesDescription: str(service.fees_description) ?? undefined,
    eligibility: str(service.eligibility_description) ?? undefined,
    applicationProcess: str(service.application_process) ?? undefined,
    hours: list(service.schedules)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)))
      .map((s) => ({ days: String(s.byday ?? '').split(',').map((d) => DAYS.indexOf(d)).filter((d) => d >= 0), opens: String(s.opens_at ?? '').slice(0, 5), closes: String(s.closes_at ?? '').slice(0, 5) })),
  };
}

/**
 * A service as a peer worker or participant reads it: how to reach it, where, when it is open
 * (on its clock), who it is for and what it costs, when it was last checked, and the tips people
 * in the organization have shared about it.
 */
export async function getServiceDetail(ctx: AuthedContext, id: string, at: Date = new Date()): Promise<ServiceDetail> {
  const dir = directoryOf(ctx);
  const row = await requireService(ctx, id);
  const [service] = await loadServices(dir, [id]);
  if (!service) throw notFound('resource.not_found', 'That resource');
  const projected = projectService(service);
  const timeZone = await directoryTimeZone(dir);
  const tips = await ctx.db
    .select({ id: resourceTips.id, body: resourceTips.body, createdAt: resourceTips.createdAt, authorId: users.id, authorName: users.displayName })
    .from(resourceTips)
    .innerJoin(users, eq(users.id, resourceTips.authorId))
    .where(and(eq(resourceTips.organizationId, dir.organizationId), eq(resourceTips.serviceId, id)))
    .orderBy(asc(resourceTips.createdAt));
  const verifiedAt = row.verifiedAt ? row.verifiedAt.toISOString().slice(0, 10) : null;
  const verifiedOn = [row.assuredOn, verifiedAt].filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const change = row.hoursKnown ? nextChange(projected.hours, at, timeZone) : null;
  const editor = editsDirectory(ctx.actor);

  return {
    id,
    name: projected.name,
    alternateName: projected.alternateName,
    providerName: projected.providerName,
    description: projected.description,
    status: projected.status,
    url: str(service.url),
    email: str(service.email),
    categories: projected.categories as ServiceDetail['categories'],
    languages: list(service.languages).map((l) => ({ code: str(l.code), name: str(l.name) })),
    free: projected.free,
    feesDescription: str(service.fees_description) ?? str(service.fees),
    costOptions: list(service.cost_options).map((c) => ({ option: str(c.option), amount: num(c.amount), currency: str(c.currency) })),
    eligibility: str(service.eligibility_description),
    minimumAge: projected.minimumAge,
    maximumAge: projected.maximumAge,
    applicationProcess: str(service.application_process),
    interpretationServices: str(service.interpretation_services),
    requiredDocuments: list(service.required_documents).map((d) => str(d.document)).filter((d): d is string => d !== null),
    phones: [...list(service.phones), ...list(service.service_at_locations).flatMap((s) => list(s.location?.phones))]
      .filter((p, i, all) => str(p.number) && all.findIndex((q) => q.id === p.id) === i)
      .map((p) => ({ number: String(p.number).replace(/^"|"$/g, ''), extension: num(p.extension), type: str(p.type), description: str(p.description) })),
    places: projected.places,
    hours: {
      timeZone,
      known: row.hoursKnown,
      openNow: row.hoursKnown ? isOpenAt(projected.hours, at, timeZone) : null,
      nextChangeAt: change?.at?.toISOString() ?? null,
      weekly: weekly(projected.hours),
      notes: projected.scheduleNotes,
    },
    verifiedOn,
    needsCheck: needsCheck(verifiedOn, at),
    local: row.local,
    tips: tips.map((t) => ({ id: t.id, body: t.body, author: { id: t.authorId, displayName: t.authorName }, createdAt: t.createdAt.toISOString() })),
    can: { edit: editor && row.local, verify: editor, addTip: editor, refer: refersParticipants(ctx.actor) },
    editable: editor && row.local ? editableResource(service, projected) : null,
  };
}
