import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../forms/errors.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader size="md" aria-hidden="true" />
      <Text ml="sm">{label ?? t('app.loading')}</Text>
    </Center>
  );
}

/** A failed read, told in the reader's language, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="clay" title={t('app.loadFailed')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="outline" color="clay" onClick={onRetry}>
            {t('app.tryAgain')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** An honest "nothing here yet". */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="sm">
      {children}
    </Text>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <Alert color="pine" role="status">
      {children}
    </Alert>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return <Alert color="clay">{message}</Alert>;
}
