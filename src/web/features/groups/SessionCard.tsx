import { Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Group as GroupView, GroupSession } from '../../../shared/schemas/groups.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useGroupActions } from './api.js';
import { todayIn, useGroupFormat } from './useGroupFormat.js';

function useSave(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function CancelForm({ group, session, close }: { group: GroupView; session: GroupSession; close: () => void }) {
  const { t } = useTranslation('groups');
  const actions = useGroupActions();
  const [reason, setReason] = useState('');
  const save = useSave(close);
  return (
    <Stack>
      <TextInput label={t('sessions.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <FormError message={save.error} />
      <Button color="clay" loading={save.busy} onClick={() => void save.run(() => actions.updateSession(group.id, session.date, { status: 'cancelled', cancelReason: reason.trim() || null }))}>
        {t('sessions.cancelConfirm')}
      </Button>
    </Stack>
  );
}

function MoveForm({ group, session, close }: { group: GroupView; session: GroupSession; close: () => void }) {
  const { t } = useTranslation('groups');
  const actions = useGroupActions();
  const [date, setDate] = useState(session.date);
  const [time, setTime] = useState(group.schedule.startTime);
  const [place, setPlace] = useState(session.place === group.place ? '' : (session.place ?? ''));
  const save = useSave(close);
  return (
    <Stack>
      <TextInput type="date" label={t('sessions.moveDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      <TextInput type="time" label={t('sessions.moveTime')} value={time} onChange={(e) => setTime(e.currentTarget.value)} />
      {group.mode !== 'online' && <TextInput label={t('sessions.movePlace')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />}
      <FormError message={save.error} />
      <Button loading={save.busy} onClick={() => void save.run(() => actions.updateSession(group.id, session.date, { moveTo: { date, time }, place: place.trim() || null }))}>
        {t('sessions.moveConfirm')}
      </Button>
      {session.moved && (
        <Button variant="subtle" onClick={() => void save.run(() => actions.updateSession(group.id, session.date, { moveTo: null, place: null }))}>
          {t('sessions.moveBack')}
        </Button>
      )}
    </Stack>
  );
}

function NotesForm({ group, session, close }: { group: GroupView; session: GroupSession; close: () => void }) {
  const { t } = useTranslation('groups');
  const actions = useGroupActions();
  const [topics, setTopics] = useState(session.topics.join('\n'));
  const [notes, setNotes] = useState(session.notes ?? '');
  const save = useSave(close);
  const topicList = topics.split('\n').map((s) => s.trim()).filter(Boolean);
  return (
    <Stack>
      <Textarea label={t('sessions.topics')} description={t('sessions.topicsHint')} autosize minRows={3} value={topics} onChange={(e) => setTopics(e.currentTarget.value)} />
      <Textarea label={t('sessions.notesField')} description={t('sessions.notesHint')} autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      <FormError message={save.error} />
      <Button loading={save.busy} onClick={() => void save.run(() => actions.updateSession(group.id, session.date, { topics: topicList, notes: notes.trim() || null }))}>
        {t('sessions.notesSave')}
      </Button>
    </Stack>
  );
}

/** One session: when and where, whether it is on, and what the reader may do about it. */
export function SessionCard({ group, session, participantId }: { group: GroupView; session: GroupSession; participantId: string | null }) {
  const { t } = useTranslation('groups');
  const format = useGroupFormat();
  const actions = useGroupActions();
  const when = format.session(session.startsAt, group.timeZone);
  const today = todayIn(group.timeZone);
  const isToday = session.date === today;
  const cancelled = session.status === 'cancelled';
  const canMark = group.can.manage && !cancelled && session.date <= today;
  const rsvp = useSave(() => {});
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="group-session">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={650}>{when}</Text>
          <Group gap={4}>
            {isToday && <Badge variant="light">{t('session.today')}</Badge>}
            {cancelled ? (
              <Badge color="clay" variant="light">
                {t('status.cancelled')}
              </Badge>
            ) : session.moved ? (
              <Badge color="amber" variant="light">
                {t('status.moved')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {session.moved && <Text fz="sm">{t('session.movedFrom', { when: format.day(session.date) })}</Text>}
        {session.place && session.place !== group.place && <Text fz="sm">{session.place}</Text>}
        {session.cancelReason && <Text fz="sm">{t('session.cancelReason', { reason: session.cancelReason })}</Text>}
        {session.topics.length > 0 && <Text fz="sm">{t('session.topics', { topics: session.topics.join(', ') })}</Text>}
        {session.notes && (
          <Text fz="sm" c="dimmed">
            {t('session.notes')}: {session.notes}
          </Text>
        )}
        {group.can.manage && session.going !== null && session.going > 0 && <Text fz="sm">{t('session.going', { count: session.going })}</Text>}
        {group.can.manage && session.attendance && session.attendance.present + session.attendance.absent + session.attendance.excused > 0 && (
          <Text fz="sm">{t('session.attendance', session.attendance)}</Text>
        )}
        {group.me.enrolled && participantId && !cancelled && session.date >= today && (
          <Group gap="xs" aria-label={t('rsvp.question')} role="group">
            {(['going', 'not_going'] as const).map((r) => (
              <Button
                key={r}
                size="sm"
                variant={session.myRsvp === r ? 'filled' : 'light'}
                aria-pressed={session.myRsvp === r}
                loading={rsvp.busy}
                onClick={() => void rsvp.run(() => actions.rsvp(group.id, session.date, r))}
              >
                {t(`rsvp.${r}`)}
              </Button>
            ))}
          </Group>
        )}
        <FormError message={rsvp.error} />
        {group.can.manage && (
          <Group gap="xs" wrap="wrap">
            {canMark && (
              <Button component={Link} to={`/groups/${group.id}/sessions/${session.date}/attendance`} size="sm" aria-label={`${t('sessions.takeAttendance')}: ${when}`}>
                {t('sessions.takeAttendance')}
              </Button>
            )}
            {cancelled ? (
              <Button size="sm" variant="light" onClick={() => void rsvp.run(() => actions.updateSession(group.id, session.date, { status: 'scheduled' }))}>
                {t('sessions.restore')}
              </Button>
            ) : (
              <>
                <DialogButton label={t('sessions.move')} ariaLabel={`${t('sessions.move')}: ${when}`} title={t('sessions.moveTitle', { when })} button={{ size: 'sm', variant: 'light' }}>
                  {(close) => <MoveForm group={group} session={session} close={close} />}
                </DialogButton>
                <DialogButton label={t('sessions.cancel')} ariaLabel={`${t('sessions.cancel')}: ${when}`} title={t('sessions.cancelTitle', { when })} button={{ size: 'sm', variant: 'light', color: 'clay' }}>
                  {(close) => <CancelForm group={group} session={session} close={close} />}
                </DialogButton>
              </>
            )}
            <DialogButton label={t('sessions.notes')} ariaLabel={`${t('sessions.notes')}: ${when}`} title={t('sessions.notesTitle', { when })} button={{ size: 'sm', variant: 'subtle' }}>
              {(close) => <NotesForm group={group} session={session} close={close} />}
            </DialogButton>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
