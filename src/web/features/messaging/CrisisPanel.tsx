import { Button, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CrisisResources } from '../../../shared/schemas/messaging.js';
import { dialable } from '../../components/CrisisCard.js';

/**
 * Shown the moment a participant's message carries words that may mean they are in danger: kind
 * words, who has been told, the crisis line to call or text now, and their safety plan. It takes
 * focus so a screen reader reads it first.
 */
export function CrisisPanel({ resources, onClose }: { resources: CrisisResources; onClose: () => void }) {
  const { t } = useTranslation('messaging');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const number = dialable(resources.crisisLine);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    heading.current?.focus();
  }, [resources]);
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      data-testid="message-crisis"
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      bg="clay.0"
      style={{ borderLeft: '6px solid var(--mantine-color-clay-7)' }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} id={headingId} ref={heading} tabIndex={-1} fz={{ base: 20, sm: 24 }} c="clay.9">
            {t('crisis.title')}
          </Title>
          <CloseButton aria-label={t('crisis.close')} onClick={onClose} />
        </Group>
        <Text>{t('crisis.thanks')}</Text>
        <Text>{resources.peerWorkerName ? t('crisis.peerTold', { name: resources.peerWorkerName }) : t('crisis.teamTold')}</Text>
        <Text fw={600}>{t('crisis.callNow', { crisisLine: resources.crisisLine })}</Text>
        {number && (
          <Stack gap="xs">
            <Button component="a" href={`tel:${number}`} color="clay" size="lg" fullWidth>
              {t('crisis.call', { crisisLine: resources.crisisLine })}
            </Button>
            <Button component="a" href={`sms:${number}`} variant="outline" color="clay" size="lg" fullWidth>
              {t('crisis.text', { crisisLine: resources.crisisLine })}
            </Button>
          </Stack>
        )}
        <Button component={Link} to={resources.safetyPlanPath} variant="white" color="clay" size="md" fullWidth style={{ border: '1px solid var(--mantine-color-clay-3)' }}>
          {t('crisis.safetyPlan')}
        </Button>
        <Text fz="sm">{t('crisis.emergency')}</Text>
      </Stack>
    </Paper>
  );
}
