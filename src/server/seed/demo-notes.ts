import { wallClockOf, zonedTimeToUtc } from '../../shared/schemas/appointments.js';
import type { NoteContent } from '../../shared/schemas/notes.js';
import type { Db } from '../db/client.js';
import { appointments, auditEvents, contactNotes, contactNoteVersions } from '../db/schema/index.js';
import type { DemoIds } from './demo.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'America/Chicago';

type DemoNote = Omit<NoteContent, 'occurredAt' | 'nextSteps' | 'followUpOn'> & {
  participant: string;
  daysAgo: number;
  nextSteps?: string;
  /** An earlier wording, replaced a day later: the note shows as edited with its history. */
  firstWording?: Partial<NoteContent>;
};

/** Jordan Ellis's notes over the past weeks, in step with the demo conversation (interview, housing list). */
const notes: DemoNote[] = [
  {
    participant: 'Alex Moreno',
    daysAgo: 30,
    contactType: 'group',
    durationMinutes: 90,
    activities: ['emotional_support'],
    topics: ['peer group'],
    summary: 'Alex came to the Monday peer group for the first time. Quiet at first, shared a little about the move back to town.',
  },
  {
    participant: 'Alex Moreno',
    daysAgo: 19,
    contactType: 'phone',
    durationMinutes: 15,
    activities: ['resource_connection'],
    topics: ['housing'],
    summary: 'Called about the county housing list. Alex wants to apply and will look at the list with me this week.',
    nextSteps: 'Print the county list and bring it next time',
    firstWording: { summary: 'Called about the housing list. Alex was unsure about applying.', nextSteps: null },
  },
  {
    participant: 'Alex Moreno',
    daysAgo: 12,
    contactType: 'in_person',
    durationMinutes: 45,
    activities: ['emotional_support', 'mentoring'],
    topics: ['employment', 'confidence'],
    summary: 'Coffee at the library. Alex has an interview coming up at the warehouse and is nervous; we talked about what helped me before mine.',
    nextSteps: 'Practise interview questions together',
  },
  {
    participant: 'Alex Moreno',
    daysAgo: 2,
    contactType: 'in_person',
    durationMinutes: 60,
    activities: ['skill_building', 'mentoring'],
    topics: ['interview', 'employment'],
    summary: 'Practised three interview questions. Alex tells the story of the last year honestly and well. Wrote down what to bring.',
  },
  {
    participant: 'Chris Palmer',
    daysAgo: 16,
    contactType: 'outreach',
    durationMinutes: 30,
    activities: ['resource_connection', 'advocacy'],
    topics: ['ID', 'benefits'],
    summary: 'Went with Chris to the benefits office to start replacing their ID. The clerk needs a birth certificate; Chris asked their sister for it.',
    nextSteps: 'Check whether the birth certificate arrived',
  },
  {
    participant: 'Chris Palmer',
    daysAgo: 5,
    contactType: 'text',
    durationMinutes: 10,
    activities: ['emotional_support'],
    topics: ['sleep'],
    summary: 'Checked in by text. Chris slept badly this week but went to the Tuesday meeting and felt better after.',
  },
];

/** A wall-clock time some days from now on the program's calendar. */
const onDay = (now: number, daysAhead: number, time: string) => zonedTimeToUtc(wallClockOf(new Date(now + daysAhead * DAY), ZONE).date, time, ZONE);

export async function seedNotes(tx: Db, ids: DemoIds): Promise<void> {
  const jordan = ids.users['peer@riverbend.example']!;
  const marcus = ids.users['peer.reentry@riverbend.example']!;
  const now = Date.now();
  const organizationId = ids.organizationId;
  // The trail tells the truth: these rows were written now, by the seed, on the peer workers' behalf.
  const trail = (action: 'contact_note.create' | 'contact_note.update' | 'appointment.create', actorUserId: string, participantId: string, resourceId: string) => ({
    organizationId,
    actorUserId,
    actorRole: 'peer_worker',
    action,
    participantId,
    resourceType: action.startsWith('appointment') ? 'appointment' : 'contact_note',
    resourceId,
    outcome: 'allowed' as const,
    details: { source: 'demo seed' },
  });

  for (const n of notes) {
    const participantId = ids.participants[n.participant]!;
    const occurredAt = new Date(now - n.daysAgo * DAY - 3 * HOUR);
    const writtenAt = new Date(occurredAt.getTime() + HOUR);
    const editedAt = new Date(writtenAt.getTime() + DAY);
    const content = {
      contactType: n.contactType,
      durationMinutes: n.durationMinutes,
      activities: n.activities,
      topics: n.topics,
      summary: n.summary,
      nextSteps: n.nextSteps ?? null,
    };
    const [row] = await tx
      .insert(contactNotes)
      .values({
        organizationId,
        participantId,
        authorId: jordan,
        occurredAt,
        ...content,
        version: n.firstWording ? 2 : 1,
        createdAt: writtenAt,
        updatedAt: n.firstWording ? editedAt : writtenAt,
      })
      .returning({ id: contactNotes.id });
    const noteId = row!.id;
    await tx.insert(auditEvents).values(trail('contact_note.create', jordan, participantId, noteId));
    if (n.firstWording) {
      const first: NoteContent = { ...content, occurredAt: occurredAt.toISOString(), followUpOn: null, ...n.firstWording };
      await tx.insert(contactNoteVersions).values({ noteId, version: 1, content: first, editedBy: jordan, editedAt });
      await tx.insert(auditEvents).values(trail('contact_note.update', jordan, participantId, noteId));
    }
  }

  const sessions = [
    // Alex asked for coffee instead of the phone call: tomorrow afternoon.
    { peer: jordan, participant: 'Alex Moreno', startsAt: onDay(now, 1, '15:00'), mode: 'in_person' as const, location: 'Riverside Café, 5th Street', note: 'Bring the housing list printout.', status: 'scheduled' as const },
    { peer: jordan, participant: 'Alex Moreno', startsAt: new Date(now - 2 * DAY - 3 * HOUR), mode: 'in_person' as const, location: 'Library, room B', note: 'Interview practice', status: 'completed' as const },
    { peer: jordan, participant: 'Chris Palmer', startsAt: onDay(now, 6, '11:00'), mode: 'phone' as const, location: null, note: null, status: 'scheduled' as const },
    { peer: marcus, participant: 'Dana Whitfield', startsAt: onDay(now, 2, '10:00'), mode: 'in_person' as const, location: 'Reentry Bridge office, room 2', note: 'First week after release: IDs and phone.', status: 'scheduled' as const },
  ];
  for (const s of sessions) {
    const participantId = ids.participants[s.participant]!;
    const createdAt = new Date(Math.min(now, s.startsAt.getTime()) - 3 * DAY);
    const [row] = await tx
      .insert(appointments)
      .values({
        organizationId,
        participantId,
        peerWorkerId: s.peer,
        startsAt: s.startsAt,
        durationMinutes: 45,
        mode: s.mode,
        location: s.location,
        note: s.note,
        status: s.status,
        createdBy: s.peer,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: appointments.id });
    await tx.insert(auditEvents).values(trail('appointment.create', s.peer, participantId, row!.id));
  }
}
