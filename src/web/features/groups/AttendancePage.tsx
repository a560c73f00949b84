import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { attendanceStatuses, type AttendanceStatus } from '../../../shared/groups/vocabulary.js';
import type { Roster, RosterEntry } from '../../../shared/schemas/groups.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { useGroupActions, useRoster } from './api.js';
import { useGroupFormat } from './useGroupFormat.js';
import { WalkInPanel } from './WalkInPanel.js';
import './attendance.css';

/** A facilitator takes attendance for one session, on a phone: a tap per person, walk-ins at the bottom. */
export function AttendancePage() {
  const { id = '', date = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success && /^\d{4}-\d{2}-\d{2}$/.test(date);
  if (!valid) return <NotYoursPage />;
  return <AttendanceLoader groupId={id} date={date} />;
}

function AttendanceLoader({ groupId, date }: { groupId: string; date: string }) {
  const roster = useRoster(groupId, date);
  if (isApiError(roster.error, 404)) return <NotYoursPage />;
  if (roster.isPending) return <Loading />;
  if (roster.isError) return <LoadError error={roster.error} onRetry={() => void roster.refetch()} />;
  return <Attendance roster={roster.data} />;
}

type Marks = Record<string, AttendanceStatus | undefined>;

function PersonChoices({ entry, value, onChange }: { entry: RosterEntry; value: AttendanceStatus | undefined; onChange: (s: AttendanceStatus) => void }) {
  const { t } = useTranslation('groups');
  return (
    <fieldset className="attendance-person" data-testid="attendance-person">
      <legend>
        <Group gap={6} wrap="wrap" component="span">
          <span>{entry.preferredName}</span>
          {entry.pronouns && (
            <Text span fz="sm" c="dimmed" fw={400}>
              ({entry.pronouns})
            </Text>
          )}
          {entry.walkIn && (
            <Badge color="amber" variant="light" size="sm">
              {t('attendance.walkInBadge')}
            </Badge>
          )}
          {entry.rsvp === 'going' && (
            <Badge color="pine" variant="light" size="sm">
              {t('attendance.rsvpGoing')}
            </Badge>
          )}
        </Group>
      </legend>
      <div className="attendance-choices">
        {attendanceStatuses.map((status) => (
          <label key={status} className="attendance-choice" data-status={status}>
            <input type="radio" name={`attendance-${entry.participantId}`} value={status} checked={value === status} onChange={() => onChange(status)} />
            <span className="mark" aria-hidden="true">
              ✓
            </span>
            <span>{t(`attendance.status.${status}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Attendance({ roster }: { roster: Roster }) {
  const { t } = useTranslation('groups');
  const format = useGroupFormat();
  const actions = useGroupActions();
  const { group, session, entries } = roster;
  const [marks, setMarks] = useState<Marks>(() => Object.fromEntries(entries.map((e) => [e.participantId, e.status ?? undefined])));
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // A walk-in added on the server arrives marked present; local taps on everyone else stay.
  useEffect(() => {
    setMarks((old) => {
      const next = { ...old };
      for (const e of entries) if (!(e.participantId in next) || (next[e.participantId] === undefined && e.status)) next[e.participantId] = e.status ?? undefined;
      return next;
    });
  }, [entries]);

  const marked = entries.filter((e) => marks[e.participantId]).length;
  const set = (participantId: string, status: AttendanceStatus) => {
    setNotice(null);
    setMarks((old) => ({ ...old, [participantId]: status }));
  };

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const sent = entries.filter((e) => marks[e.participantId]).map((e) => ({ participantId: e.participantId, status: marks[e.participantId]! }));
      const saved = await actions.mark(group.id, session.date, sent);
      const counts = saved.session.attendance ?? { present: 0, absent: 0, excused: 0 };
      setNotice(t('attendance.saved', counts));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Anchor component={Link} to={`/groups/${group.id}`} fz="sm">
        <span aria-hidden="true">← </span>
        {t('attendance.back')}
      </Anchor>
      <PageTitle>{`${t('attendance.title')}: ${group.topic}`}</PageTitle>
      <Text fw={600}>{format.session(session.startsAt, group.timeZone)}</Text>
      {session.status === 'cancelled' ? (
        <Notice>{t('attendance.cancelled')}</Notice>
      ) : (
        <>
          <Text>{t('attendance.intro')}</Text>
          <Text fw={600} aria-live="polite" data-testid="attendance-progress">
            {t('attendance.progress', { marked, total: entries.length })}
          </Text>
          {entries.length === 0 ? (
            <EmptyState>{t('attendance.empty')}</EmptyState>
          ) : (
            <Stack gap="sm">
              {entries.map((entry) => (
                <PersonChoices key={entry.participantId} entry={entry} value={marks[entry.participantId]} onChange={(s) => set(entry.participantId, s)} />
              ))}
              {marked < entries.length && (
                <Button
                  variant="light"
                  size="md"
                  onClick={() => setMarks((old) => Object.fromEntries(entries.map((e) => [e.participantId, old[e.participantId] ?? 'present'])))}
                >
                  {t('attendance.restPresent')}
                </Button>
              )}
            </Stack>
          )}
          {notice && <Notice>{notice}</Notice>}
          <FormError message={error} />
          {entries.length > 0 && (
            <div className="attendance-save">
              <Button size="lg" fullWidth onClick={() => void save()} loading={saving} disabled={marked === 0}>
                {t('attendance.save')}
              </Button>
            </div>
          )}
          <WalkInPanel roster={roster} onAdded={(name) => setNotice(t('attendance.walkIns.added', { name }))} />
        </>
      )}
    </>
  );
}
