import { Anchor, Badge, Button, Group as Row, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Group } from '../../../shared/schemas/groups.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { useSignedIn } from '../../api/session.js';
import { Details } from '../../components/Details.js';
import { DialogButton } from '../../components/DialogButton.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { EmptyState, FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { programsWhere } from '../../roles.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { useGroup, useGroupActions, useSessions } from './api.js';
import { GroupRooms } from '../community/GroupRooms.js';
import { CalendarPanel } from './CalendarPanel.js';
import { GroupForm } from './GroupForm.js';
import { SessionCard } from './SessionCard.js';
import { useGroupFormat } from './useGroupFormat.js';

export function GroupPage() {
  const { id = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success;
  const group = useGroup(valid ? id : null);
  if (!valid || isApiError(group.error, 404)) return <NotYoursPage />;
  if (group.isPending) return <Loading />;
  if (group.isError) return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  return <GroupDetails group={group.data} />;
}

function GroupDetails({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const { user } = useSignedIn();
  const format = useGroupFormat();
  const actions = useGroupActions();
  const sessions = useSessions(group.id);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const participantId = user.participantId;
  const membership = async (join: boolean) => {
    setError(null);
    try {
      const g = join ? await actions.join(group, participantId!) : await actions.leave(group, participantId!);
      setNotice(t(join ? 'joined' : 'left', { topic: g.topic }));
    } catch (err) {
      setError(describeError(err));
    }
  };
  const places = group.capacity !== null ? t('details.placesValue', { enrolled: group.enrolledCount, capacity: group.capacity }) : t('details.placesOpen', { enrolled: group.enrolledCount });
  return (
    <>
      <Anchor component={Link} to="/groups" fz="sm">
        <span aria-hidden="true">← </span>
        {t('title')}
      </Anchor>
      <PageTitle>{group.topic}</PageTitle>
      <Row gap="xs">
        <Badge variant="light" color="sand">
          {t(`mode.${group.mode}`)}
        </Badge>
        {group.me.enrolled && <Badge variant="light">{t('enrolledBadge')}</Badge>}
        {group.archived && <Badge color="sand">{t('archived')}</Badge>}
      </Row>
      {group.description && <Text>{group.description}</Text>}
      <Details
        items={[
          { label: t('details.program'), value: group.programName },
          { label: t('details.when'), value: format.schedule(group.schedule) },
          ...(group.place ? [{ label: t('details.where'), value: group.place }] : []),
          ...(group.onlineUrl ? [{ label: t('details.link'), value: <Anchor href={group.onlineUrl} target="_blank" rel="noreferrer noopener">{group.onlineUrl}</Anchor> }] : []),
          { label: t('details.facilitators'), value: group.facilitators.map((f) => f.displayName).join(', ') },
          { label: t('details.places'), value: places },
        ]}
      />
      {notice && <Notice>{notice}</Notice>}
      <FormError message={error} />
      {participantId && (group.can.join || group.can.leave) && (
        <Row>
          {group.can.join && <Button onClick={() => void membership(true)}>{t('join')}</Button>}
          {group.can.leave && (
            <Button variant="subtle" color="clay" onClick={() => void membership(false)}>
              {t('leave')}
            </Button>
          )}
        </Row>
      )}
      {participantId && !group.me.enrolled && !group.can.join && !group.archived && <Text c="dimmed">{t('full')}</Text>}
      {group.can.manage && (
        <DialogButton label={t('form.edit')} title={t('form.editTitle')} button={{ variant: 'light', style: { alignSelf: 'flex-start' } }}>
          {(close) => <GroupForm programs={programsWhere(user, ['peer_worker', 'supervisor'])} group={group} onDone={() => close()} />}
        </DialogButton>
      )}
      <Section title={t('sessions.title')} testId="group-sessions">
        {sessions.isPending ? (
          <Loading />
        ) : sessions.isError ? (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : sessions.data.sessions.length === 0 ? (
          <EmptyState>{t('sessions.empty')}</EmptyState>
        ) : (
          <Stack component="ul" className="record-list" gap="sm">
            {sessions.data.sessions.map((s) => (
              <SessionCard key={s.date} group={group} session={s} participantId={participantId} />
            ))}
          </Stack>
        )}
      </Section>
      <GroupRooms groupId={group.id} staff={group.can.manage} />
      <CalendarPanel groupId={group.id} />
    </>
  );
}
