import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../shared/schemas/consents.js';
import { useFormat } from '../../i18n/format.js';

/** How long a consent lasts, in the participant's words. */
export function useUntil() {
  const { t } = useTranslation('consents');
  const format = useFormat();
  return (expiry: Consent['expiry']) =>
    expiry.kind === 'date' && expiry.on
      ? t('expiry.date', { date: format.date(`${expiry.on}T12:00:00Z`) })
      : expiry.kind === 'event'
        ? t('expiry.event_discharge')
        : t('expiry.revocation');
}

/** The consent in plain language: the same words on screen and on the printed copy. */
export function ConsentText({ consent }: { consent: Consent }) {
  const { t } = useTranslation('consents');
  const format = useFormat();
  const until = useUntil();
  return (
    <Stack gap="sm">
      <Text fz="lg">{t('consent.who', { name: consent.participantName, discloser: consent.discloser, recipient: consent.recipient.name })}</Text>
      <Text fw={650}>{t('consent.what')}</Text>
      <List data-testid="consent-categories">
        {consent.categories.map((c) => (
          <List.Item key={c}>{t(`category.${c}`)}</List.Item>
        ))}
      </List>
      <Text>{t('consent.notShared')}</Text>
      <Text>{t('consent.why', { purpose: t(`purpose.${consent.purpose}`) })}</Text>
      <Text>{t('consent.until', { until: until(consent.expiry) })}</Text>
      <Text>{t('consent.rightToRevoke')}</Text>
      {consent.tpo && <Text>{t('consent.tpoRefuse')}</Text>}
      {consent.tpo && <Text>{t('consent.tpoRedisclose')}</Text>}
      <Text>{t('consent.federal')}</Text>
      <Text c="dimmed" fz="sm">
        {t('consent.preparedBy', { name: consent.preparedBy.displayName, date: format.dateTime(consent.createdAt) })}
      </Text>
      {consent.signedAt && consent.signedName && (
        <Text fw={600} data-testid="consent-signed">
          {consent.signedRepresentative
            ? t('consent.signedByRepresentative', { name: consent.signedName, relationship: consent.signedRepresentative.relationship, date: format.dateTime(consent.signedAt) })
            : t('consent.signedBy', { name: consent.signedName, date: format.dateTime(consent.signedAt) })}
        </Text>
      )}
      {consent.revokedAt && <Text fw={600}>{t('consent.revokedOn', { date: format.dateTime(consent.revokedAt) })}</Text>}
    </Stack>
  );
}
