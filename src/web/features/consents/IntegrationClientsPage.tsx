import { Alert, Badge, Button, Code, Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { integrationClientCreatedSchema, integrationClientSchema } from '../../../shared/schemas/consents.js';
import { isApiError } from '../../api/client.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { SubSection } from '../../components/Section.js';
import { EmptyState, FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useFormat } from '../../i18n/format.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { useIntegrationClientActions, useIntegrationClients } from './integrations-api.js';

type Client = z.infer<typeof integrationClientSchema>;
type Created = z.infer<typeof integrationClientCreatedSchema>;

/** The org admin connects clinical partners' systems: a token scoped to read or write, shown once; revocable. */
export function IntegrationClientsPage() {
  const { t } = useTranslation('consents');
  const clients = useIntegrationClients();
  const [created, setCreated] = useState<Created | null>(null);
  if (isApiError(clients.error, 403) || isApiError(clients.error, 404)) return <NotYoursPage />;
  return (
    <Stack gap="lg">
      <BackHome small />
      <PageTitle>{t('integrations.title')}</PageTitle>
      <Text>{t('integrations.intro')}</Text>
      {created && <TokenOnce created={created} />}
      <SubSection title={t('integrations.create')}>
        <CreateClientForm onCreated={setCreated} />
      </SubSection>
      <SubSection title={t('integrations.list')}>
        {clients.isPending ? (
          <Loading />
        ) : clients.isError ? (
          <LoadError error={clients.error} onRetry={() => void clients.refetch()} />
        ) : clients.data.length === 0 ? (
          <EmptyState>{t('integrations.empty')}</EmptyState>
        ) : (
          <Stack component="ul" className="record-list" gap="xs" aria-label={t('integrations.list')} data-testid="integration-clients">
            {clients.data.map((c) => (
              <ClientRow key={c.id} client={c} />
            ))}
          </Stack>
        )}
      </SubSection>
    </Stack>
  );
}

function TokenOnce({ created }: { created: Created }) {
  const { t } = useTranslation('consents');
  return (
    <Alert color="amber" variant="light" title={t('integrations.tokenTitle', { name: created.name })} data-testid="integration-token">
      <Stack gap="xs">
        <Text>{t('integrations.tokenOnce')}</Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} aria-label={t('integrations.tokenLabel')}>
          {created.token}
        </Code>
      </Stack>
    </Alert>
  );
}

function CreateClientForm({ onCreated }: { onCreated: (c: Created) => void }) {
  const { t } = useTranslation('consents');
  const actions = useIntegrationClientActions();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      data-testid="new-integration-client"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (name.trim().length < 2) return setError(t('integrations.nameNeeded'));
        setBusy(true);
        actions
          .create({ name: name.trim(), scope })
          .then((c) => {
            onCreated(c);
            setName('');
          })
          .catch((err: unknown) => setError(describeError(err)))
          .finally(() => setBusy(false));
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('integrations.name')} description={t('integrations.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={120} />
        <Radio.Group label={t('integrations.scope')} value={scope} onChange={(v) => setScope(v === 'write' ? 'write' : 'read')}>
          <Stack gap="xs" mt="xs">
            <Radio value="read" label={t('integrations.scopeRead')} />
            <Radio value="write" label={t('integrations.scopeWrite')} />
          </Stack>
        </Radio.Group>
        <FormError message={error} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('integrations.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ClientRow({ client }: { client: Client }) {
  const { t } = useTranslation('consents');
  const format = useFormat();
  const actions = useIntegrationClientActions();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const revoked = client.revokedAt !== null;
  return (
    <Paper component="li" withBorder p="sm" bg="white" data-testid="integration-client">
      <Group gap="xs" align="center">
        <Text fw={600}>{client.name}</Text>
        <Badge color={client.scope === 'write' ? 'amber' : 'pine'} variant="light">
          {t(`integrations.scopeBadge.${client.scope}`)}
        </Badge>
        {revoked && (
          <Badge color="sand" variant="light">
            {t('integrations.revokedBadge')}
          </Badge>
        )}
      </Group>
      <Text fz="sm" c="dimmed">
        {t('integrations.created', { date: format.dateTime(client.createdAt) })}
        {' · '}
        {client.lastUsedAt ? t('integrations.lastUsed', { date: format.dateTime(client.lastUsedAt) }) : t('integrations.neverUsed')}
        {client.revokedAt && ` · ${t('integrations.revokedOn', { date: format.dateTime(client.revokedAt) })}`}
      </Text>
      {done && <Notice>{t('integrations.revokedNow')}</Notice>}
      <FormError message={error} />
      {!revoked && (
        <Button
          mt="xs"
          size="sm"
          variant="light"
          color="clay"
          aria-label={`${t('integrations.revoke')}: ${client.name}`}
          onClick={() => {
            setError(null);
            actions
              .revoke(client.id)
              .then(() => setDone(true))
              .catch((err: unknown) => setError(describeError(err)));
          }}
        >
          {t('integrations.revoke')}
        </Button>
      )}
    </Paper>
  );
}
