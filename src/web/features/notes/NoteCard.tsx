import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/schemas/notes.js';
import { DialogButton } from '../../components/DialogButton.js';
import { useFormat } from '../../i18n/format.js';
import { useWhen } from '../appointments/useWhen.js';
import { CosignStatus } from '../workforce/CosignStatus.js';
import { NoteHistory } from './NoteHistory.js';
import { QuickNoteForm } from './QuickNoteForm.js';
import './notes.css';

interface Props {
  note: Note;
  timeZone?: string;
  /** A shorter card (the participant page): summary clipped, no activities or buttons. */
  compact?: boolean;
  onEdited?: () => void;
}

/** One note: what kind of contact, when and how long, what happened; "edited" with its history when it was changed. */
export function NoteCard({ note, timeZone, compact = false, onEdited }: Props) {
  const { t } = useTranslation('notes');
  const when = useWhen();
  const format = useFormat();
  const date = when.full(note.occurredAt, timeZone);
  return (
    <Paper component="li" withBorder p="md" bg="white" data-testid="note-card">
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" align="baseline">
          <Group gap="xs">
            <Badge color="pine" variant="light">
              {t(`contactType.${note.contactType}`)}
            </Badge>
            <Text fz="sm" c="dimmed">
              {t('card.minutes', { count: note.durationMinutes })}
            </Text>
          </Group>
          <Text fz="sm" c="dimmed" component="time" dateTime={note.occurredAt}>
            {date}
          </Text>
        </Group>
        <Text className="note-summary" lineClamp={compact ? 3 : undefined}>
          {note.summary}
        </Text>
        {!compact && note.activities.length > 0 && (
          <Text fz="sm">
            <Text span fw={600}>
              {t('card.activities')}:{' '}
            </Text>
            {format.list(note.activities.map((a) => t(`activity.${a}`)))}
          </Text>
        )}
        {note.topics.length > 0 && (
          <Group gap={6} aria-label={t('card.topics')} role="list">
            {note.topics.map((topic) => (
              <Badge key={topic} role="listitem" variant="outline" color="sand.8" tt="none">
                # {topic}
              </Badge>
            ))}
          </Group>
        )}
        {!compact && note.nextSteps && (
          <Text fz="sm" className="note-summary">
            <Text span fw={600}>
              {t('card.nextSteps')}:{' '}
            </Text>
            {note.nextSteps}
          </Text>
        )}
        {note.followUpOn && <Text fz="sm">{t('card.followUp', { date: format.date(`${note.followUpOn}T12:00:00Z`, 'UTC') })}</Text>}
        <CosignStatus note={note} />
        <Group justify="space-between" gap="xs">
          <Text fz="xs" c="dimmed">
            {t('card.by', { name: note.author.displayName })}
            {note.edited && (
              <>
                {' · '}
                <Text span fz="xs" fw={600} c="sand.9" data-testid="note-edited">
                  {t('card.edited', { version: note.version })}
                </Text>
              </>
            )}
          </Text>
          {!compact && (
            <Group gap="xs">
              {note.edited && (
                <DialogButton
                  label={t('card.history')}
                  ariaLabel={t('card.historyLabel', { date })}
                  title={t('card.historyTitle')}
                  button={{ size: 'xs', variant: 'subtle' }}
                >
                  {() => <NoteHistory noteId={note.id} timeZone={timeZone} />}
                </DialogButton>
              )}
              {note.can.edit && (
                <DialogButton label={t('card.edit')} ariaLabel={t('card.editLabel', { date })} title={t('card.editTitle')} button={{ size: 'xs', variant: 'light' }}>
                  {(close) => (
                    <QuickNoteForm
                      participantId={note.participantId}
                      note={note}
                      onDone={() => {
                        close();
                        onEdited?.();
                      }}
                    />
                  )}
                </DialogButton>
              )}
            </Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
