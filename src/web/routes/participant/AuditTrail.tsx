import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../shared/schemas/audit.js';
import { useAuditTrail } from '../../api/audit.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { lookup } from '../../forms/errors.js';
import { useFormat } from '../../i18n/format.js';

/** Who opened or changed this record, newest first (org admins only; reading it is audited too). */
export function AuditTrail({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const trail = useAuditTrail(participantId, true);
  const events = trail.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <Section title={t('audit.title')} testId="audit-trail">
      <Text>{t('audit.intro')}</Text>
      {trail.isPending ? (
        <Loading />
      ) : trail.isError && events.length === 0 ? (
        <LoadError error={trail.error} onRetry={() => void trail.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : (
        <Stack component="ol" className="record-list" gap={0} aria-label={t('audit.title')}>
          {events.map((e) => (
            <AuditEntry key={e.id} event={e} />
          ))}
        </Stack>
      )}
      {trail.hasNextPage && (
        <Group>
          <Button variant="outline" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
            {t('audit.loadOlder')}
          </Button>
        </Group>
      )}
    </Section>
  );
}

function AuditEntry({ event }: { event: AuditEventView }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The server hides who acted when it was not someone of this organization.
  const who = event.actor.kind === 'user' ? event.actor.displayName : t(event.actor.kind === 'system' ? 'audit.systemActor' : 'audit.outsideActor');
  const roles = event.actor.role
    ?.split(',')
    .map((r) => lookup(`roles.${r}`) ?? r)
    .join(', ');
  return (
    <Box component="li" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-sand-1)' }}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text fw={600}>{lookup(`audit.actions.${event.action}`) ?? event.action}</Text>
        <Badge
          size="sm"
          color={event.outcome === 'allowed' ? 'sand' : 'clay'}
          variant={event.outcome === 'allowed' ? 'outline' : 'filled'}
          style={{ flexShrink: 0 }}
        >
          {t(`audit.outcome.${event.outcome}`)}
        </Badge>
      </Group>
      <Text fz="sm">
        {roles ? t('audit.whoWithRole', { who, roles }) : who}
        {' · '}
        <Text span inherit c="dimmed" component="time" dateTime={event.occurredAt}>
          {format.dateTime(event.occurredAt)}
        </Text>
      </Text>
    </Box>
  );
}
