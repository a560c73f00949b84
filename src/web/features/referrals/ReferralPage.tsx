import { Anchor, Button, Group, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { Referral } from '../../../shared/schemas/referrals.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { Details } from '../../components/Details.js';
import { PageTitle } from '../../components/PageTitle.js';
import { SubSection } from '../../components/Section.js';
import { LoadError, Loading, Notice } from '../../components/Status.js';
import { useSignedIn } from '../../api/session.js';
import { useFormat } from '../../i18n/format.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { useReferral, useReferralActions } from './api.js';
import { ReferralStatusBadge } from './ReferralStatusBadge.js';
import { StatusActions } from './StatusActions.js';
import { VisitReport } from './VisitReport.js';

export function ReferralPage() {
  const { id = '', referralId = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success && uuidSchema.safeParse(referralId).success;
  if (!valid) return <NotYoursPage />;
  return <ReferralLoader participantId={id} referralId={referralId} />;
}

function ReferralLoader({ participantId, referralId }: { participantId: string; referralId: string }) {
  const referral = useReferral(participantId, referralId);
  if (isApiError(referral.error, 404)) return <NotYoursPage />;
  if (referral.isPending) return <Loading />;
  if (referral.isError) return <LoadError error={referral.error} onRetry={() => void referral.refetch()} />;
  return <ReferralView referral={referral.data} />;
}

function FollowUpDate({ referral }: { referral: Referral }) {
  const { t } = useTranslation('referrals');
  const { update } = useReferralActions();
  const [date, setDate] = useState(referral.followUpOn ?? '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (date) void update(referral, { followUpOn: date });
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput type="date" label={t('actions.changeDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <Button type="submit" variant="default" disabled={!date || date === referral.followUpOn}>
          {t('actions.saveDate')}
        </Button>
      </Group>
    </form>
  );
}

function ReferralView({ referral }: { referral: Referral }) {
  const { t } = useTranslation('referrals');
  const { t: tr } = useTranslation('resources');
  const format = useFormat();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const day = (d: string) => format.date(`${d}T12:00:00Z`, 'UTC');
  const onClock = (iso: string) => new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: referral.timeZone }).format(new Date(iso));
  const report = referral.participantReport;
  const { user } = useSignedIn();
  const self = user.participantId === referral.participantId;

  return (
    <>
      <Anchor component={Link} to="/referrals" fz="sm">
        <span aria-hidden="true">← </span>
        {t('title')}
      </Anchor>
      <PageTitle>{t('card.to', { service: referral.service.name })}</PageTitle>
      <Group gap="xs">
        <ReferralStatusBadge status={referral.status} />
        {!self && <Text>{t('card.for', { name: referral.participantName })}</Text>}
      </Group>
      {notice && <Notice>{notice}</Notice>}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} data-testid="referral-detail">
        <Stack gap="sm">
          <Details
            items={[
              { label: t('detail.need'), value: `${tr(`category.${referral.category}`)}: ${referral.need}` },
              {
                label: t('detail.shared'),
                value: (
                  <>
                    {referral.share.length ? format.list(referral.share.map((s) => t(`share.${s}`))) : t('detail.sharedNothing')}
                    {referral.consentNote && <Text size="sm">{referral.consentNote}</Text>}
                    {referral.consentRecordedAt && (
                      <Text size="sm" c="dimmed">
                        {t('detail.consentRecorded', { date: format.date(referral.consentRecordedAt, referral.timeZone) })}
                      </Text>
                    )}
                  </>
                ),
              },
              ...(referral.followUpOn && !self ? [{ label: t('detail.followUp'), value: day(referral.followUpOn) }] : []),
              { label: t('detail.madeBy'), value: referral.createdBy.displayName },
              ...(referral.unmetReason || referral.outcomeNote
                ? [{ label: t('detail.outcome'), value: [referral.unmetReason ? t(`reason.${referral.unmetReason}`) : null, referral.outcomeNote].filter(Boolean).join(' — ') }]
                : []),
            ]}
          />
          {referral.service.listed ? (
            <Anchor component={Link} to={`/resources/${referral.service.id}`}>
              {t('detail.viewService')}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t('card.notListed')}
            </Text>
          )}
        </Stack>
      </Paper>
      {report && (
        <SubSection title={self ? t('detail.youSaid') : t('detail.theirWord', { name: referral.participantName })}>
          <Text>{report.went ? (report.helped ? t(`helped.${report.helped}`) : t('detail.went')) : t('detail.notYet')}</Text>
          {report.comment && <Text>“{report.comment}”</Text>}
        </SubSection>
      )}
      <VisitReport referral={referral} onDone={(_r, message) => setNotice(message)} />
      <StatusActions referral={referral} onDone={(r) => setNotice(t(`status.${r.status}`))} />
      {referral.can.edit && <FollowUpDate referral={referral} />}
      {!self && (
        <SubSection title={t('detail.history')}>
          <List spacing={4} size="sm">
            {referral.history.map((h, i) => (
              <List.Item key={i}>
                {onClock(h.at)} ·{' '}
                {h.kind === 'status' && h.from && h.to
                  ? t('event.status', { from: t(`status.${h.from}`), to: t(`status.${h.to}`) })
                  : h.kind === 'edited'
                    ? t('event.edited', { what: h.note ?? '' })
                    : t(`event.${h.kind}`)}
                {h.kind === 'status' && h.reason ? ` (${t(`reason.${h.reason}` as 'reason.other')})` : ''}
                {h.kind === 'status' && h.note ? ` — ${h.note}` : ''}
                {h.by ? ` · ${h.by.displayName}` : ''}
              </List.Item>
            ))}
          </List>
        </SubSection>
      )}
    </>
  );
}
