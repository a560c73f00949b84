import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../shared/schemas/milestones.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useCelebrate } from './api.js';
import { useMilestoneWords } from './words.js';

// Drawn, not an emoji: it looks the same on every device, with or without an emoji font.
function Sparkles() {
  return (
    <svg width="48" height="48" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M24 4l5.6 12.4L42 22l-12.4 5.6L24 40l-5.6-12.4L6 22l12.4-5.6z" fill="var(--mantine-color-amber-4)" />
      <path d="M40 34l1.8 4.2L46 40l-4.2 1.8L40 46l-1.8-4.2L34 40l4.2-1.8z" fill="var(--mantine-color-clay-4)" />
      <path d="M9 3l1.3 3.2L13.5 7.5l-3.2 1.3L9 12l-1.3-3.2L4.5 7.5l3.2-1.3z" fill="var(--mantine-color-pine-4)" />
    </svg>
  );
}

/** A warm card for a newly reached milestone, until the participant says thank you. */
export function MilestoneCelebration({ participantId, milestone }: { participantId: string; milestone: Milestone }) {
  const { t } = useTranslation('milestones');
  const words = useMilestoneWords();
  const celebrate = useCelebrate(participantId);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const title = milestone.kind === 'custom' ? t('celebrate.custom', { label: milestone.label ?? '' }) : t('celebrate.standard', { milestone: words.name(milestone) });
  return (
    <Paper p="lg" radius="lg" bg="amber.0" style={{ border: '2px solid var(--mantine-color-amber-3)' }} data-testid="milestone-celebration">
      <Stack gap="sm" align="flex-start">
        <Sparkles />
        <Title order={3} fz={24} c="amber.9">
          {title}
        </Title>
        <Text>{t('celebrate.body')}</Text>
        <FormError message={error ? describeError(error) : null} />
        <Button
          color="amber"
          loading={pending}
          onClick={() => {
            setPending(true);
            setError(null);
            celebrate({ key: milestone.key })
              .catch(setError)
              .finally(() => setPending(false));
          }}
        >
          {t('celebrate.thanks')}
        </Button>
      </Stack>
    </Paper>
  );
}
