import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import type { ParticipantSummary } from '../../shared/schemas/participants.js';
import { uuidSchema } from '../../shared/schemas/tenancy.js';
import { isApiError } from '../api/client.js';
import { useParticipant } from '../api/participants.js';
import { NotYoursPage } from '../routes/NotFoundPage.js';
import { LoadError, Loading } from './Status.js';

/**
 * A page about the participant named by the `:id` in its path. A malformed id, a record that does
 * not exist and one out of reach all show the same page, as the participant page does.
 */
export function WithParticipant({ children }: { children: (participant: ParticipantSummary) => ReactNode }) {
  const { id = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success;
  const record = useParticipant(valid ? id : null);
  if (!valid || isApiError(record.error, 404)) return <NotYoursPage />;
  if (record.isPending) return <Loading />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  return <>{children(record.data)}</>;
}
