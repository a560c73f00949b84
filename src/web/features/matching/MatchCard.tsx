import { Anchor, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PeerWorkerMatch } from '../../../shared/schemas/matching.js';
import { peerProfilePath } from './MatchingProfileLinks.js';

/** Reasons arrive in English and Spanish; the reader's language picks. */
export function useReasonText() {
  const { i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? i18n.language).startsWith('es') ? 'es' : 'en';
  return (text: { en: string; es: string }) => text[lang];
}

/** One peer worker as a suggestion: name, score, room, and why, in words. */
export function MatchCard({ match, rank, action }: { match: PeerWorkerMatch; rank?: number; action?: ReactNode }) {
  const { t } = useTranslation('matching');
  const text = useReasonText();
  const blocked = match.blockedBy.length > 0;
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="match-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text fw={650} fz="lg">
              {rank !== undefined && <span aria-hidden="true">{rank}. </span>}
              {match.peerWorker.displayName}
            </Text>
            <Group gap={6}>
              {!blocked && (
                <Badge variant="light" color="pine" size="lg" radius="sm">
                  {t('find.score', { score: match.score })}
                </Badge>
              )}
              {match.current && (
                <Badge variant="outline" color="sand.8" size="lg" radius="sm">
                  {t('find.current')}
                </Badge>
              )}
            </Group>
          </Stack>
          {action}
        </Group>
        <Text fz="sm" c="dimmed">
          {t('find.places', { open: match.openPlaces, capacity: match.capacity })}
        </Text>
        {blocked ? (
          <List size="sm" spacing={2}>
            {match.blockedBy.map((b) => (
              <List.Item key={b.kind}>{text(b.text)}</List.Item>
            ))}
          </List>
        ) : (
          match.reasons.length > 0 && (
            <List size="sm" spacing={2} aria-label={t('find.reasons')}>
              {match.reasons.map((r) => (
                <List.Item key={r.kind}>{text(r.text)}</List.Item>
              ))}
            </List>
          )
        )}
        <Anchor component={Link} to={peerProfilePath(match.peerWorker.id)} fz="sm" aria-label={`${t('find.profile')}: ${match.peerWorker.displayName}`}>
          {t('find.profile')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
