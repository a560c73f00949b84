import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceSummary } from '../../../shared/schemas/resources.js';

/** Open, free, unchecked: each said in words, never by colour alone. */
export function StatusBadges({ service }: { service: Pick<ServiceSummary, 'openNow' | 'free' | 'needsCheck' | 'local'> }) {
  const { t } = useTranslation('resources');
  return (
    <Group gap={6}>
      {service.openNow === true && (
        <Badge color="pine" variant="filled">
          {t('card.openNow')}
        </Badge>
      )}
      {service.openNow === false && (
        <Badge color="sand" variant="light">
          {t('card.closed')}
        </Badge>
      )}
      {service.openNow === null && (
        <Badge color="sand" variant="outline">
          {t('card.hoursUnknown')}
        </Badge>
      )}
      {service.free && (
        <Badge color="pine" variant="light">
          {t('card.free')}
        </Badge>
      )}
      {service.needsCheck && (
        <Badge color="amber" variant="light">
          {t('card.needsCheck')}
        </Badge>
      )}
    </Group>
  );
}
