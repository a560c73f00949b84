import type { ParticipantForMatching, PeerWorkerForMatching } from '../../src/shared/matching/index.js';

/** A participant and a peer worker who fit each other well; tests vary them one field at a time. */
export const rosa: ParticipantForMatching = {
  id: 'rosa',
  language: 'es',
  requiredLanguage: 'es',
  wantedExperience: ['parent'],
  substances: ['opioids'],
  pathways: ['mat_opioid'],
  setting: 'recently_released',
  preferredTimes: [{ day: 'tue', from: '18:00', to: '20:00' }],
};

export const marisol: PeerWorkerForMatching = {
  id: 'marisol',
  languages: ['en', 'es'],
  gender: 'woman',
  livedExperience: ['opioids', 'mat', 'parent', 'incarceration'],
  settings: ['recently_released', 'community'],
  capacity: 15,
  caseload: 3,
  availability: [{ day: 'tue', from: '17:00', to: '21:00' }],
};

