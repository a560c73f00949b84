import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { useSignedIn } from '../../api/session.js';

/** The participant's program's crisis line: the session's own for a participant, the program's for staff. */
export function useCrisisLineOf(participant: Pick<ParticipantSummary, 'programId'>): string {
  const { user, crisisLine } = useSignedIn();
  return user.programs.find((p) => p.id === participant.programId)?.crisisLine ?? crisisLine;
}

/** Digits (and a leading +) a phone can dial or text. */
export const dialable = (line: string) => line.replace(/[^\d+]/g, '');
