import { Alert, Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { MeetingDetail } from '../../../shared/schemas/meetings.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { Details } from '../../components/Details.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useFormat } from '../../i18n/format.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { useMeeting, useMeetingActions } from './api.js';
import { useMeetingFormat } from './useMeetingFormat.js';

export function MeetingPage() {
  const { id = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success;
  const meeting = useMeeting(valid ? id : null);
  if (!valid || isApiError(meeting.error, 404)) return <NotYoursPage />;
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  return <Meeting meeting={meeting.data} />;
}

/** Text as the feed wrote it, line breaks kept (never as HTML). */
const Lines = ({ text }: { text: string }) => <span style={{ whiteSpace: 'pre-line' }}>{text}</span>;

function Meeting({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const format = useMeetingFormat();
  const appFormat = useFormat();
  const actions = useMeetingActions();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const soon = format.soon(m.minutesUntil);
  const inPerson = m.attendanceMode === 'in_person' || m.attendanceMode === 'hybrid';

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setNotice(done);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Anchor component={Link} to="/meetings" fz="sm">
        <span aria-hidden="true">← </span>
        {t('page.back')}
      </Anchor>
      <PageTitle>{m.name}</PageTitle>
      <Group gap="xs">
        <Badge variant="light" color={m.attendanceMode === 'inactive' ? 'sand' : 'pine'}>
          {t(`mode.${m.attendanceMode}`)}
        </Badge>
        {soon && <Badge color="amber">{soon}</Badge>}
        {m.saved && <Badge variant="light">{t('savedBadge')}</Badge>}
      </Group>
      {m.attendanceMode === 'inactive' && <Alert color="sand">{t('page.inactive')}</Alert>}
      {m.conferenceUrl && (
        <Stack gap={4}>
          <Button component="a" href={m.conferenceUrl} target="_blank" rel="noreferrer noopener" size="lg">
            {t('page.join', { provider: m.conferenceProvider })}
          </Button>
          {m.conferenceUrlNotes && (
            <Text fz="sm">
              {t('page.joinNotes')}: <Lines text={m.conferenceUrlNotes} />
            </Text>
          )}
        </Stack>
      )}
      {m.conferencePhone && (
        <Stack gap={4}>
          <Anchor href={`tel:${m.conferencePhone}`}>{t('page.dial', { phone: m.conferencePhone })}</Anchor>
          {m.conferencePhoneNotes && (
            <Text fz="sm">
              {t('page.dialNotes')}: <Lines text={m.conferencePhoneNotes} />
            </Text>
          )}
        </Stack>
      )}
      <Details
        items={[
          { label: t('page.when'), value: format.when(m) },
          ...(m.address ? [{ label: inPerson ? t('page.where') : t('page.area'), value: m.address }] : []),
          ...(m.location ? [{ label: t('page.location'), value: m.location }] : []),
          ...(m.locationNotes ? [{ label: t('page.locationNotes'), value: <Lines text={m.locationNotes} /> }] : []),
          ...(m.group ? [{ label: t('page.group'), value: m.group }] : []),
          ...(m.groupNotes ? [{ label: t('page.groupNotes'), value: <Lines text={m.groupNotes} /> }] : []),
          ...(m.types.length ? [{ label: t('page.types'), value: m.types.map(format.typeName).join(', ') }] : []),
          ...(m.regions.length ? [{ label: t('page.regions'), value: m.regions.join(' › ') }] : []),
          ...(m.notes ? [{ label: t('page.notes'), value: <Lines text={m.notes} /> }] : []),
        ]}
      />
      <Group gap="sm">
        {m.mapUrl && (
          <Anchor href={m.mapUrl} target="_blank" rel="noreferrer noopener">
            {t('page.map')}
          </Anchor>
        )}
        {m.url && (
          <Anchor href={m.url} target="_blank" rel="noreferrer noopener">
            {t('page.website')}
          </Anchor>
        )}
      </Group>
      {notice && <Notice>{notice}</Notice>}
      <FormError message={error} />
      <Group gap="sm">
        <Button
          variant={m.saved ? 'light' : 'filled'}
          loading={busy}
          onClick={() => void run(() => actions.save(m.id, !m.saved), m.saved ? t('page.unsavedNotice') : t('page.savedNotice'))}
        >
          {m.saved ? t('page.unsave') : t('page.save')}
        </Button>
        {m.can.logAttendance && (
          <Button variant="outline" loading={busy} onClick={() => void run(() => actions.logAttendance(m.id), t('page.logged'))}>
            {t('page.log')}
          </Button>
        )}
      </Group>
      {m.can.logAttendance && (
        <Stack gap={4}>
          <Text fz="sm" c="dimmed">
            {t('page.logPrivacy')}
          </Text>
          {m.attendedOn.length > 0 && (
            <>
              <Text fw={600}>{t('page.loggedDays')}</Text>
              <List>
                {m.attendedOn.map((d) => (
                  <List.Item key={d}>{appFormat.date(`${d}T12:00:00Z`, 'UTC')}</List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      )}
    </>
  );
}
