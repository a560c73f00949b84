import './matching.css';
import { Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { useSignedIn } from '../../api/session.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { programTimeZone } from '../../roles.js';
import { profilePath } from '../profile/paths.js';
import { useMatches } from './api.js';
import { AssignDialog } from './AssignDialog.js';
import { AssignmentHistoryList } from './AssignmentHistoryList.js';
import { MatchCard } from './MatchCard.js';

/** On the participant page, for whoever assigns peer workers: ranked suggestions, the ruled-out ones, the history. */
export function FindPeerWorkerPanel({ participant }: { participant: ParticipantSummary }) {
  const { user } = useSignedIn();
  if (!participant.can.access.assignment?.write) return null;
  return (
    <>
      <Suggestions participant={participant} />
      <AssignmentHistoryList participantId={participant.id} timeZone={programTimeZone(user, participant.programId)} />
    </>
  );
}

function Suggestions({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('matching');
  const matches = useMatches(participant.id);
  const [notice, setNotice] = useState<string | null>(null);
  const name = participant.preferredName;
  return (
    <Section title={t('find.title')} testId="find-peer-worker">
      <Text>{t('find.intro', { program: participant.programName, name })}</Text>
      {notice && <Notice>{notice}</Notice>}
      {matches.isPending ? (
        <Loading />
      ) : matches.isError ? (
        <LoadError error={matches.error} onRetry={() => void matches.refetch()} />
      ) : (
        <Stack gap="md">
          {!matches.data.hasPreferences && (
            <Text fz="sm">
              {t('find.noPreferences', { name })}{' '}
              <Anchor component={Link} to={profilePath(participant.id)}>
                {t('find.setPreferences')}
              </Anchor>
            </Text>
          )}
          {matches.data.suggestions.length === 0 ? (
            <EmptyState>{t('find.none', { name })}</EmptyState>
          ) : (
            <Stack component="ol" className="record-list" gap="sm" aria-label={t('find.title')}>
              {matches.data.suggestions.map((m, i) => (
                <MatchCard
                  key={m.peerWorker.id}
                  match={m}
                  rank={i + 1}
                  action={!m.current && <AssignDialog participant={participant} peerWorker={m.peerWorker} onDone={setNotice} />}
                />
              ))}
            </Stack>
          )}
          {matches.data.blocked.length > 0 && (
            <details className="match-blocked" data-testid="blocked-matches">
              <summary>{t('find.blocked', { count: matches.data.blocked.length })}</summary>
              <Stack gap="sm" mt="sm">
                <Text fz="sm">{t('find.blockedHint', { name })}</Text>
                <Stack component="ul" className="record-list" gap="sm">
                  {matches.data.blocked.map((m) => (
                    <MatchCard key={m.peerWorker.id} match={m} />
                  ))}
                </Stack>
              </Stack>
            </details>
          )}
        </Stack>
      )}
    </Section>
  );
}
