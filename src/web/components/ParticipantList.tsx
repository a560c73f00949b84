import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../shared/schemas/participants.js';
import { useSignedIn } from '../api/session.js';
import { useFormat } from '../i18n/format.js';
import { programTimeZone } from '../roles.js';

interface Props {
  participants: ParticipantSummary[];
  /** Names the list for screen readers. */
  label: string;
  showPeerWorker?: boolean;
  actions?: (participant: ParticipantSummary) => ReactNode;
  testId?: string;
}

/** Participants as a list of cards: readable on a phone, each name linking to the record. */
export function ParticipantList({ participants, label, showPeerWorker = false, actions, testId }: Props) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormat();
  return (
    <Stack component="ul" className="record-list" gap="sm" aria-label={label} data-testid={testId}>
      {participants.map((p) => (
        <Paper component="li" key={p.id} withBorder p="sm" bg="white">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs" align="baseline">
                <Anchor component={Link} to={`/participants/${p.id}`} fw={600} fz="lg">
                  {p.preferredName}
                </Anchor>
                {p.pronouns && <Text c="dimmed" fz="sm">({p.pronouns})</Text>}
                {p.status === 'discharged' && (
                  <Badge color="sand" variant="light">
                    {t('participant.status.discharged')}
                  </Badge>
                )}
              </Group>
              <Text fz="sm">{p.programName}</Text>
              <Text fz="sm" c="dimmed">
                {t('participant.enrolledOn', { date: format.date(p.enrolledAt, programTimeZone(user, p.programId)) })}
              </Text>
              {showPeerWorker && (
                <Text fz="sm">
                  {p.peerWorker ? t('participant.peerWorkerIs', { name: p.peerWorker.displayName }) : t('participant.noPeerWorker')}
                </Text>
              )}
            </Stack>
            {actions?.(p)}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
