/** How big the synthetic statewide network is. The defaults are the statewide size; `quick` runs in seconds. */
export interface StatewideSizes {
  organizations: number;
  programs: number;
  peerWorkers: number;
  participants: number;
  checkIns: number;
  messages: number;
  contactNotes: number;
  assessments: number;
  /** Meeting Guide listings: one statewide feed, kept by the first organization. */
  meetings: number;
  /** Directory services (HSDS), imported through the real importer: half to the first organization, the rest shared by the others. */
  services: number;
  referrals: number;
  /** Weekly groups each program runs (26 weeks of sessions with attendance). */
  groupsPerProgram: number;
  /** A program of the first organization where this many people wait for a peer worker (batch matching)… */
  matchingWaiting: number;
  /** …among this many peer workers. */
  matchingPeers: number;
}

export const statewideSizes: StatewideSizes = {
  organizations: 20,
  programs: 100,
  peerWorkers: 2_000,
  participants: 100_000,
  checkIns: 3_000_000,
  messages: 500_000,
  contactNotes: 200_000,
  assessments: 300_000,
  meetings: 10_000,
  services: 20_000,
  referrals: 200_000,
  groupsPerProgram: 4,
  matchingWaiting: 5_000,
  matchingPeers: 500,
};

export const quickSizes: StatewideSizes = {
  organizations: 2,
  programs: 4,
  peerWorkers: 40,
  participants: 2_000,
  checkIns: 60_000,
  messages: 10_000,
  contactNotes: 4_000,
  assessments: 6_000,
  meetings: 2_000,
  services: 2_000,
  referrals: 4_000,
  groupsPerProgram: 2,
  matchingWaiting: 500,
  matchingPeers: 50,
};

/** The peer worker of each program with exactly this many participants (the caseload scenario reads one). */
export const FULL_CASELOAD = 40;

export const DEFAULT_SEED = 1;

/** Every synthetic account signs in with this password (one hash, computed once, on every row). */
export const BENCH_PASSWORD = 'statewide-bench-2026';

export function checkSizes(s: StatewideSizes): void {
  for (const [key, value] of Object.entries(s)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`bench size ${key} must be a whole number of 0 or more`);
  }
  if (s.organizations < 1 || s.programs < s.organizations) throw new Error('bench sizes need at least one program per organization');
  if (s.peerWorkers < 2 * s.programs) throw new Error('bench sizes need at least two peer workers per program');
  if (s.referrals > 0 && s.services < 2 * s.organizations) throw new Error('bench sizes need at least two services per organization for referrals');
  if (s.matchingWaiting > 0 && s.matchingPeers < 1) throw new Error('bench sizes need peer workers for the people waiting to be matched');
  if (s.participants < FULL_CASELOAD * s.programs) throw new Error(`bench sizes need at least ${FULL_CASELOAD} participants per program`);
}
