import type { Db } from '../db/client.js';
import { matchPreferences, peerWorkerProfiles } from '../db/schema/index.js';
import type { DemoIds } from './demo.js';

// Stored days: 0 = Sunday … 6 = Saturday.
const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));

/** Matching profiles for the two demo peer workers, and what Taylor (waiting for a peer worker) looks for. */
export async function seedMatching(tx: Db, ids: DemoIds): Promise<void> {
  const organizationId = ids.organizationId;
  await tx.insert(peerWorkerProfiles).values([
    {
      userId: ids.users['peer@riverbend.example']!,
      organizationId,
      livedExperience: ['alcohol', 'twelve_step', 'parent'],
      languages: ['en', 'es'],
      settings: ['community', 'sober_living'],
      availability: [...weekdays('09:00', '17:00'), { day: 2, from: '17:00', to: '20:00' }, { day: 4, from: '17:00', to: '20:00' }],
      capacity: 25,
      bio: 'In recovery from alcohol for eleven years, and a dad of two. I found my footing in 12-step groups, and I walk alongside people on whatever path they choose.',
    },
    {
      userId: ids.users['peer.reentry@riverbend.example']!,
      organizationId,
      livedExperience: ['incarceration', 'justice_involvement', 'opioids', 'mat'],
      languages: ['en'],
      gender: 'man',
      settings: ['incarcerated', 'recently_released'],
      availability: [...weekdays('08:00', '16:00'), { day: 6, from: '10:00', to: '14:00' }],
      capacity: 20,
      bio: 'I came home after six years inside and rebuilt my life with the help of medication and people who believed in me. I know the first weeks out.',
    },
  ]);
  await tx.insert(matchPreferences).values({
    participantId: ids.participants['Taylor Reyes']!,
    organizationId,
    wantedExperience: ['parent', 'alcohol'],
    preferredTimes: [
      { day: 2, from: '18:00', to: '20:00' },
      { day: 4, from: '18:00', to: '20:00' },
    ],
  });
}
