import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ServiceSummary } from '../../../shared/schemas/resources.js';
import { StatusBadges } from './StatusBadges.js';
import { useResourceWords } from './words.js';

/** One search result: what it is, how far, whether it is open, and the way in. */
export function ServiceCard({ service, forParticipant }: { service: ServiceSummary; forParticipant?: string }) {
  const { t } = useTranslation('resources');
  const words = useResourceWords();
  const to = `/resources/${service.id}${forParticipant ? `?for=${encodeURIComponent(forParticipant)}` : ''}`;
  const provider = service.providerName && service.providerName !== service.name ? service.providerName : null;
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="resource-card">
      <Stack gap={6}>
        <Anchor component={Link} to={to} fw={650} fz="lg">
          {service.name}
        </Anchor>
        {provider && (
          <Text size="sm" c="dimmed">
            {provider}
          </Text>
        )}
        <StatusBadges service={service} />
        <Text size="sm">{service.categories.map((c) => t(`category.${c}`)).join(' · ')}</Text>
        {service.distanceKm !== null && <Text size="sm">{t('card.away', { distance: words.number(service.distanceKm) })}</Text>}
        {service.place?.address && <Text size="sm">{service.place.address}</Text>}
        {service.description && (
          <Text size="sm" lineClamp={2}>
            {service.description}
          </Text>
        )}
        {service.languages.length > 0 && <Text size="sm" c="dimmed">{words.list(service.languages.map(words.languageName))}</Text>}
      </Stack>
    </Paper>
  );
}
