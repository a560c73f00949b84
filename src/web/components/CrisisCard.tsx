import { Button, Group, Paper, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Only a line that is a phone number gets call and text buttons; any other wording is shown as written.
export const dialable = (line: string) => (/^\+?[\d\s().-]{2,}$/.test(line.trim()) ? line.replace(/[^\d+]/g, '') : null);

/**
 * Where to get help now. Shown on every page of a participant, as a top-level landmark before the
 * main content; `children` are more ways to help in the same place (the participant's safety plan).
 */
export function CrisisCard({ crisisLine, children }: { crisisLine: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const number = dialable(crisisLine);
  return (
    <Paper
      component="aside"
      aria-labelledby={id}
      data-testid="crisis-card"
      p="md"
      radius="md"
      bg="clay.0"
      style={{ borderLeft: '6px solid var(--mantine-color-clay-7)' }}
    >
      <Text id={id} fw={700} fz={18} c="clay.9">
        {t('crisis.title')}
      </Text>
      <Text mt={4}>{t('crisis.body', { crisisLine })}</Text>
      {number && (
        <Group gap="sm" mt="sm">
          <Button component="a" href={`tel:${number}`} color="clay" size="sm">
            {t('crisis.call', { crisisLine })}
          </Button>
          <Button component="a" href={`sms:${number}`} variant="outline" color="clay" size="sm">
            {t('crisis.text', { crisisLine })}
          </Button>
        </Group>
      )}
      {children}
    </Paper>
  );
}
