import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useAlerts } from './api.js';
import { AlertItem } from './AlertItem.js';

/** Open and acknowledged alerts of everyone I support or supervise; `escalated` narrows to those that waited too long. */
export function AlertsInbox({ escalated = false }: { escalated?: boolean }) {
  const { t } = useTranslation('alerts');
  const alerts = useAlerts(escalated ? { status: 'unresolved', escalated: true } : { status: 'unresolved' });
  return (
    <Section title={escalated ? t('inbox.escalatedTitle') : t('inbox.title')} testId={escalated ? 'alerts-escalated' : 'alerts-inbox'}>
      <Text fz="sm">{escalated ? t('inbox.escalatedIntro') : t('inbox.intro')}</Text>
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.alerts.length === 0 ? (
        <EmptyState>{escalated ? t('inbox.escalatedEmpty') : t('inbox.empty')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm" aria-label={t('inbox.listLabel')}>
          {alerts.data.alerts.map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
        </Stack>
      )}
    </Section>
  );
}
