import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalResourceInput } from '../../shared/schemas/resources.js';
import { localResourceSchema } from '../../shared/schemas/resources.js';
import type { Db } from '../db/client.js';
import { referralEvents, referrals, resourceSearchPlaces, resourceTips } from '../db/schema/index.js';
import type { RequestContext } from '../platform/context.js';
import { scheduleFollowUp } from '../modules/referrals/follow-up.js';
import { indexServices, upsertRecords } from '../modules/resources/directory-store.js';
import { readJsonDocuments } from '../modules/resources/hsds/read-package.js';
import { derivedId } from '../modules/resources/ids.js';
import { importHsdsPackage } from '../modules/resources/import-hsds.js';
import { localResourceRecords } from '../modules/resources/local-resource-records.js';
import { localDate } from '../../shared/milestones.js';
import type { DemoIds } from './demo.js';

const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hsds-examples');

/** The Riverbend Community Center, where the community program meets: searches start here. */
export const RIVERBEND_CENTER = { latitude: 41.8789, longitude: -87.6359 };
const TIME_ZONE = 'America/Chicago';

/** A point `km` away from the center, toward a compass bearing in degrees. */
function near(km: number, bearing: number) {
  const rad = (bearing * Math.PI) / 180;
  const latitude = RIVERBEND_CENTER.latitude + (km * Math.cos(rad)) / 111.195;
  const longitude = RIVERBEND_CENTER.longitude + (km * Math.sin(rad)) / (111.195 * Math.cos((RIVERBEND_CENTER.latitude * Math.PI) / 180));
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}

const everyDay = [0, 1, 2, 3, 4, 5, 6];
const weekdays = [1, 2, 3, 4, 5];

type Local = { key: string; resource: LocalResourceInput; tips: string[] };

/** Riverbend's own list: what its peer workers send people to most, with what they have learned. */
const localResources: Local[] = [
  {
    key: 'shelter',
    resource: {
      name: 'Riverbend Emergency Shelter',
      providerName: 'Riverbend Housing Alliance',
      description: 'Emergency beds and a 24-hour intake desk. Couples and pets welcome; lockers for belongings.',
      categories: ['housing'],
      phone: '+1 (312) 555-0140',
      address: { street: '410 W Lake St', city: 'Chicago', region: 'IL', postalCode: '60606', country: 'US' },
      ...near(2.1, 40),
      languages: ['en', 'es'],
      free: true,
      eligibility: 'Adults 18 and over. No sobriety requirement; people on MAT are welcome.',
      applicationProcess: 'Walk in to the intake desk at any hour.',
      hours: [{ days: everyDay, opens: '00:00', closes: '00:00' }],
    },
    tips: ['Use the Lake Street door after 9 p.m. Bring any ID you have; they help if you have none.', 'Ask for Rosa at intake; she knows the re-entry beds.'],
  },
  {
    key: 'harbor',
    resource: {
      name: 'Harbor House Recovery Residence',
      providerName: 'Harbor House',
      description: 'Recovery housing with house meetings, peer mentors and help finding work. MAT-friendly.',
      categories: ['housing', 'recovery_support'],
      phone: '+1 (312) 555-0175',
      address: { street: '1820 S Halsted St', city: 'Chicago', region: 'IL', postalCode: '60608', country: 'US' },
      ...near(4.8, 190),
      languages: ['en'],
      feesDescription: 'Sliding scale from $0 for the first month.',
      eligibility: 'Adults in recovery; a peer worker referral helps.',
      hours: [{ days: [1, 2, 3, 4, 5, 6], opens: '08:00', closes: '20:00' }],
    },
    tips: ['Call ahead and ask for the re-entry desk; they hold two beds for people coming home.'],
  },
  {
    key: 'warming',
    resource: {
      name: 'Night Owl Warming Center',
      providerName: 'Riverbend Housing Alliance',
      description: 'A warm, safe place overnight: cots, coffee and showers.',
      categories: ['housing'],
      ...near(7.5, 300),
      languages: ['en', 'es'],
      free: true,
      hours: [{ days: everyDay, opens: '20:00', closes: '08:00' }],
    },
    tips: [],
  },
  {
    key: 'pantry',
    resource: {
      name: 'Second Street Food Pantry',
      description: 'Groceries once a week, fresh produce on Saturdays. Despensa de alimentos.',
      categories: ['food'],
      ...near(1.5, 120),
      languages: ['en', 'es'],
      free: true,
      hours: [{ days: [2, 4, 6], opens: '10:00', closes: '14:00' }],
    },
    tips: ['Bring your own bags.'],
  },
  {
    key: 'mat',
    resource: {
      name: 'Lakeside MAT Clinic',
      providerName: 'Lakeside Community Health',
      description: 'Buprenorphine and methadone with counseling; same-day starts most mornings.',
      categories: ['mat', 'health_care'],
      phone: '+1 (312) 555-0111',
      ...near(3.4, 10),
      languages: ['en'],
      feesDescription: 'Medicaid and sliding scale.',
      hours: [{ days: weekdays, opens: '07:00', closes: '15:00' }],
    },
    tips: ['Same-day starts: arrive before 10 a.m.'],
  },
  {
    key: 'jobs',
    resource: {
      name: 'Westside Job Center',
      description: 'Job search help, resume workshops and second-chance employers.',
      categories: ['employment', 'reentry'],
      ...near(6, 270),
      languages: ['en', 'es'],
      free: true,
      hours: [{ days: weekdays, opens: '09:00', closes: '17:00' }],
    },
    tips: [],
  },
  {
    key: 'legal',
    resource: {
      name: 'Record Sealing Legal Clinic',
      providerName: 'Riverbend Legal Aid',
      description: 'Free legal help with expungement, record sealing and getting state IDs back.',
      categories: ['legal', 'reentry', 'id_documents'],
      ...near(4, 80),
      languages: ['en'],
      free: true,
      hours: [{ days: [3], opens: '13:00', closes: '17:00' }],
    },
    tips: ['Bring two IDs if you have them, and any court papers.'],
  },
  {
    key: 'mental-health',
    resource: {
      name: 'Casa de Salud Mental',
      description: 'Terapia y consejería en español, individual y en grupo.',
      categories: ['mental_health'],
      ...near(6.8, 220),
      languages: ['es'],
      hours: [{ days: weekdays, opens: '09:00', closes: '18:00' }],
    },
    tips: [],
  },
];

/**
 * The Riverbend directory: the Open Referral examples imported as an organization would import
 * its 211 data (their 2005 "assured" date shows the six-month flag), Riverbend's own resources
 * around the community center with peer workers' tips, the places searches start from, and Alex
 * Moreno's referrals — one open with a follow-up on Jordan's list, one completed.
 */
export async function seedResources(tx: Db, ids: DemoIds): Promise<void> {
  const ctx = { db: tx, actor: null, requestId: 'seed:resources', ip: null } as unknown as RequestContext;
  const docs = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .map((name) => ({ name, doc: JSON.parse(readFileSync(path.join(examplesDir, name), 'utf8')) as unknown }));
  await importHsdsPackage(ctx, readJsonDocuments(docs), { organizationId: ids.organizationId, source: 'Open Referral HSDS examples' });

  const dir = { db: tx, organizationId: ids.organizationId };
  const jordan = ids.users['peer@riverbend.example']!;
  const marcus = ids.users['peer.reentry@riverbend.example']!;
  const today = localDate(new Date(), TIME_ZONE);
  const serviceIds: Record<string, string> = {};
  for (const local of localResources) {
    const id = derivedId('riverbend-demo', local.key);
    serviceIds[local.key] = id;
    await upsertRecords(dir, localResourceRecords(id, localResourceSchema.parse(local.resource), today), { local: true });
    await indexServices(dir, [id], { createdBy: jordan });
    for (const [i, body] of local.tips.entries()) {
      await tx.insert(resourceTips).values({ organizationId: ids.organizationId, serviceId: id, authorId: i % 2 === 0 ? jordan : marcus, body });
    }
  }

  await tx.insert(resourceSearchPlaces).values([
    { organizationId: ids.organizationId, programId: ids.programs.community, name: 'Riverbend Community Center', ...RIVERBEND_CENTER },
    { organizationId: ids.organizationId, programId: ids.programs.reentry, name: 'Reentry Bridge office', ...near(3, 250) },
  ]);

  const alex = ids.participants['Alex Moreno']!;
  const day = 86_400_000;
  const followUpOn = localDate(new Date(Date.now() + 3 * day), TIME_ZONE);
  const [open] = await tx
    .insert(referrals)
    .values({
      organizationId: ids.organizationId,
      participantId: alex,
      serviceId: serviceIds.harbor!,
      serviceName: 'Harbor House Recovery Residence',
      providerName: 'Harbor House',
      category: 'housing',
      need: 'A recovery residence before the lease at his cousin’s ends next month.',
      sharedItems: ['name', 'phone', 'need', 'recovery_status'],
      consentNote: 'Alex is fine with Harbor House calling him after 4 p.m.',
      consentRecordedAt: new Date(Date.now() - 2 * day),
      followUpOn,
      status: 'sent',
      createdBy: jordan,
      createdAt: new Date(Date.now() - 2 * day),
      updatedAt: new Date(Date.now() - 2 * day),
    })
    .returning({ id: referrals.id });
  await tx.insert(referralEvents).values({ organizationId: ids.organizationId, referralId: open!.id, kind: 'created', toStatus: 'sent', actorUserId: jordan, createdAt: new Date(Date.now() - 2 * day) });
  await scheduleFollowUp(ctx, { organizationId: ids.organizationId, referralId: open!.id, ownerId: jordan, participantId: alex, participantName: 'Alex Moreno', serviceName: 'Harbor House Recovery Residence', followUpOn });

  const sentAt = new Date(Date.now() - 20 * day);
  const doneAt = new Date(Date.now() - 16 * day);
  const [done] = await tx
    .insert(referrals)
    .values({
      organizationId: ids.organizationId,
      participantId: alex,
      serviceId: serviceIds.pantry!,
      serviceName: 'Second Street Food Pantry',
      category: 'food',
      need: 'Groceries until the first paycheck.',
      sharedItems: ['name'],
      consentRecordedAt: sentAt,
      followUpOn: localDate(new Date(sentAt.getTime() + 5 * day), TIME_ZONE),
      status: 'completed',
      participantWent: true,
      participantHelped: 'yes',
      participantComment: 'The Saturday produce was great.',
      participantReportedAt: doneAt,
      createdBy: jordan,
      closedAt: doneAt,
      createdAt: sentAt,
      updatedAt: doneAt,
    })
    .returning({ id: referrals.id });
  await tx.insert(referralEvents).values([
    { organizationId: ids.organizationId, referralId: done!.id, kind: 'created', toStatus: 'sent', actorUserId: jordan, createdAt: sentAt },
    { organizationId: ids.organizationId, referralId: done!.id, kind: 'visit', note: 'went; helped: yes', actorUserId: ids.users['participant@riverbend.example'] ?? null, createdAt: doneAt },
    { organizationId: ids.organizationId, referralId: done!.id, kind: 'status', fromStatus: 'sent', toStatus: 'accepted', note: 'the participant went', createdAt: new Date(doneAt.getTime() + 1) },
    { organizationId: ids.organizationId, referralId: done!.id, kind: 'status', fromStatus: 'accepted', toStatus: 'completed', note: 'the participant says it helped', createdAt: new Date(doneAt.getTime() + 2) },
  ]);
}
