import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ServiceDetail } from '../../../shared/schemas/resources.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { Details } from '../../components/Details.js';
import { DialogButton } from '../../components/DialogButton.js';
import { PageTitle } from '../../components/PageTitle.js';
import { SubSection } from '../../components/Section.js';
import { LoadError, Loading, Notice } from '../../components/Status.js';
import { NotFoundPage } from '../../routes/NotFoundPage.js';
import { ReferralForm } from '../referrals/ReferralForm.js';
import { useResourceActions, useService } from './api.js';
import { HoursList } from './HoursList.js';
import { StatusBadges } from './StatusBadges.js';
import { TipsSection } from './TipsSection.js';
import { useResourceWords } from './words.js';

export function ServicePage() {
  const { id = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success;
  const service = useService(valid ? id : null);
  if (!valid || isApiError(service.error, 404)) return <NotFoundPage />;
  if (service.isPending) return <Loading />;
  if (service.isError) return <LoadError error={service.error} onRetry={() => void service.refetch()} />;
  return <Service service={service.data} />;
}

function Service({ service }: { service: ServiceDetail }) {
  const { t } = useTranslation('resources');
  const { t: tr } = useTranslation('referrals');
  const words = useResourceWords();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const forParticipant = searchParams.get('for') ?? undefined;
  const { verify } = useResourceActions();
  const [notice, setNotice] = useState<string | null>(null);
  const provider = service.providerName && service.providerName !== service.name ? service.providerName : null;
  const ages = service.minimumAge !== null || service.maximumAge !== null ? t('service.ages', { min: service.minimumAge ?? 0, max: service.maximumAge ?? '—' }) : null;
  const cost = service.free ? t('service.free') : service.feesDescription;

  return (
    <>
      <Anchor component={Link} to={forParticipant ? `/resources?for=${encodeURIComponent(forParticipant)}` : '/resources'} fz="sm">
        <span aria-hidden="true">← </span>
        {t('service.back')}
      </Anchor>
      <PageTitle>{service.name}</PageTitle>
      {provider && <Text c="dimmed">{t('service.provider')}: {provider}</Text>}
      <StatusBadges service={{ openNow: service.hours.openNow, free: service.free, needsCheck: service.needsCheck, local: service.local }} />
      <Group gap={6}>
        {service.categories.map((c) => (
          <Badge key={c} variant="outline" color="sand">
            {t(`category.${c}`)}
          </Badge>
        ))}
      </Group>
      {service.status !== 'active' && <Alert color="amber">{t('service.inactive')}</Alert>}
      {notice && <Notice>{notice}</Notice>}
      {(service.can.refer || service.can.edit) && (
        <Group>
          {service.can.refer && (
            <DialogButton label={tr('form.title', { service: service.name })} title={tr('form.title', { service: service.name })}>
              {(close) => (
                <ReferralForm
                  service={service}
                  participantId={forParticipant}
                  onDone={(r) => {
                    close();
                    navigate(`/participants/${r.participantId}/referrals/${r.id}`, { state: { notice: r.status === 'draft' ? tr('form.drafted') : tr('form.sent') } });
                  }}
                />
              )}
            </DialogButton>
          )}
          {service.can.edit && (
            <Button component={Link} to={`/resources/${service.id}/edit`} variant="default">
              {t('service.edit')}
            </Button>
          )}
        </Group>
      )}
      {service.description && <Text>{service.description}</Text>}

      <SubSection title={t('service.hours')}>
        <HoursList hours={service.hours} />
      </SubSection>

      {(service.phones.length > 0 || service.email || service.url) && (
        <SubSection title={t('service.contact')}>
          <Stack gap="xs">
            {service.phones.map((p) => (
              <Anchor key={p.number} href={`tel:${p.number.replace(/[^\d+]/g, '')}`} fw={600}>
                {t('service.call', { number: p.number })}
                {p.extension !== null ? ` (${p.extension})` : ''}
              </Anchor>
            ))}
            {service.email && <Anchor href={`mailto:${service.email}`}>{t('service.email', { email: service.email })}</Anchor>}
            {service.url && (
              <Anchor href={service.url} target="_blank" rel="noreferrer">
                {t('service.website')}
              </Anchor>
            )}
          </Stack>
        </SubSection>
      )}

      {service.places.length > 0 && (
        <SubSection title={t('service.places')}>
          <Stack gap="sm">
            {service.places.map((p) => (
              <Paper key={p.locationId} bg="sand.0" p="sm" radius="md">
                {p.name && p.name !== provider && p.name !== service.name && <Text fw={600}>{p.name}</Text>}
                {p.address && <Text>{p.address}</Text>}
                {p.transportation && <Text size="sm">{t('service.directions')}: {p.transportation}</Text>}
                {p.latitude !== null && p.longitude !== null && (
                  <Anchor size="sm" href={`https://www.openstreetmap.org/?mlat=${p.latitude}&mlon=${p.longitude}#map=17/${p.latitude}/${p.longitude}`} target="_blank" rel="noreferrer">
                    {t('service.map')}
                  </Anchor>
                )}
              </Paper>
            ))}
          </Stack>
        </SubSection>
      )}

      <SubSection title={t('service.beforeYouGo')}>
        <Details
          items={[
            ...(service.eligibility || ages ? [{ label: t('service.eligibility'), value: [service.eligibility, ages].filter(Boolean).join(' ') }] : []),
            ...(cost ? [{ label: t('service.cost'), value: cost }] : []),
            ...(service.applicationProcess ? [{ label: t('service.howToGet'), value: service.applicationProcess }] : []),
            ...(service.requiredDocuments.length ? [{ label: t('service.documents'), value: service.requiredDocuments.join(' ') }] : []),
            ...(service.languages.length
              ? [{ label: t('service.languages'), value: words.list(service.languages.map((l) => (l.code ? words.languageName(l.code) : (l.name ?? '')))) }]
              : []),
            ...(service.interpretationServices ? [{ label: t('service.interpretation'), value: service.interpretationServices }] : []),
          ]}
        />
      </SubSection>

      <TipsSection service={service} />

      <Paper withBorder p="md" radius="md" bg={service.needsCheck ? 'amber.0' : undefined}>
        <Stack gap="xs">
          <Text>{service.verifiedOn ? t('service.checked', { date: words.date(`${service.verifiedOn}T12:00:00Z`, 'UTC') }) : t('service.neverChecked')}</Text>
          {service.needsCheck && <Text fw={600}>{t('service.needsCheck')}</Text>}
          {service.can.verify && (
            <Button
              variant="light"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => void verify(service.id).then(() => setNotice(t('service.verified')))}
            >
              {t('service.verify')}
            </Button>
          )}
        </Stack>
      </Paper>
    </>
  );
}
