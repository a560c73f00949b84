import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { useParticipant } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { LoadError, Loading } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { MeasuresPage } from './MeasuresPage.js';
import { participantMeasuresPath } from './paths.js';
import { ResultPage } from './ResultPage.js';
import { TakeMeasurePage } from './TakeMeasurePage.js';

function MeasureRoutes({ participant, basePath, index }: { participant: ParticipantSummary; basePath: string; index: ReactNode }) {
  return (
    <Routes>
      <Route index element={index} />
      <Route path="results/:responseId" element={<ResultPage participant={participant} basePath={basePath} />} />
      <Route path=":instrumentId" element={<TakeMeasurePage participant={participant} basePath={basePath} />} />
      <Route path="*" element={<Navigate to={basePath} replace />} />
    </Routes>
  );
}

/** `/measures/*`: the signed-in participant's own measures. */
export function OwnMeasuresRoutes() {
  const { user } = useSignedIn();
  const record = useParticipant(user.participantId);
  if (!user.participantId) return <Navigate to="/" replace />;
  if (record.isPending) return <Loading />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  return <MeasureRoutes participant={record.data} basePath="/measures" index={<MeasuresPage participant={record.data} />} />;
}

/** `/participants/:id/measures/*`: a measure completed with a participant, and its results. */
export function ParticipantMeasuresRoutes() {
  return (
    <WithParticipant>
      {(participant) => (
        <MeasureRoutes
          participant={participant}
          basePath={participantMeasuresPath(participant.id)}
          index={<Navigate to={`/participants/${participant.id}`} replace />}
        />
      )}
    </WithParticipant>
  );
}
