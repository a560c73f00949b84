import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NoteContent } from '../../../shared/schemas/notes.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { useWhen } from '../appointments/useWhen.js';
import { useNoteHistory } from './api.js';
import './notes.css';

/** What a version changed from the one before it. */
function changedFields(now: NoteContent, before: NoteContent): Array<keyof NoteContent> {
  return (Object.keys(now) as Array<keyof NoteContent>).filter((k) => JSON.stringify(now[k]) !== JSON.stringify(before[k]));
}

/** Every version of a note, newest first, each with who wrote it and when. */
export function NoteHistory({ noteId, timeZone }: { noteId: string; timeZone?: string }) {
  const { t } = useTranslation('notes');
  const history = useNoteHistory(noteId);
  const when = useWhen();
  const format = useFormat();
  if (history.isPending) return <Loading />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Stack gap="sm">
      <Text fz="sm">{t('history.intro')}</Text>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="note-history">
        {history.data.versions.map((v, i) => (
          <Paper key={v.version} component="li" withBorder p="sm">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <Text fw={650}>{t('history.version', { version: v.version })}</Text>
                {v.current && (
                  <Badge color="pine" variant="light">
                    {t('history.current')}
                  </Badge>
                )}
              </Group>
              {history.data.versions[i + 1] && (
                <Text fz="sm" fw={600}>
                  {t('history.changed', { fields: format.list(changedFields(v.content, history.data.versions[i + 1]!.content).map((f) => t(`history.fields.${f}`))) })}
                </Text>
              )}
              <Text fz="xs" c="dimmed">
                {t('history.writtenBy', { name: v.writtenBy?.displayName ?? t('history.someone'), when: when.full(v.writtenAt, timeZone) })}
              </Text>
              <Text fz="sm">
                {t(`contactType.${v.content.contactType}`)} · {t('card.minutes', { count: v.content.durationMinutes })} · {when.full(v.content.occurredAt, timeZone)}
              </Text>
              {v.content.activities.length > 0 && <Text fz="sm">{format.list(v.content.activities.map((a) => t(`activity.${a}`)))}</Text>}
              {v.content.topics.length > 0 && <Text fz="sm">{v.content.topics.map((topic) => `# ${topic}`).join('  ')}</Text>}
              <Text className="note-summary">{v.content.summary}</Text>
              {v.content.nextSteps && (
                <Text fz="sm" className="note-summary">
                  <Text span fw={600}>
                    {t('card.nextSteps')}:{' '}
                  </Text>
                  {v.content.nextSteps}
                </Text>
              )}
              {v.content.followUpOn && <Text fz="sm">{t('card.followUp', { date: format.date(`${v.content.followUpOn}T12:00:00Z`, 'UTC') })}</Text>}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
