import { Box, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadMember } from '../../../shared/schemas/messaging.js';
import type { PendingMessage, TimelineItem } from './timeline.js';

type MessageEntry = Extract<TimelineItem, { kind: 'message' }>;

function Bubble({ mine, children, testId }: { mine: boolean; children: ReactNode; testId: string }) {
  return (
    <Box
      component="li"
      data-testid={testId}
      style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: 'min(85%, 34rem)', display: 'flex', flexDirection: 'column', alignItems: mine ? 'flex-end' : 'flex-start' }}
    >
      {children}
    </Box>
  );
}

function Body({ mine, text, faded = false }: { mine: boolean; text: string; faded?: boolean }) {
  return (
    <Box
      px="md"
      py={8}
      bg={mine ? 'pine.7' : 'white'}
      c={mine ? 'white' : undefined}
      style={{
        borderRadius: mine ? '18px 18px 4px 18px' : '18px 18px 18px 4px',
        border: mine ? undefined : '1px solid var(--mantine-color-sand-2)',
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        opacity: faded ? 0.75 : 1,
        fontSize: 16,
        lineHeight: 1.45,
      }}
    >
      {text}
    </Box>
  );
}

/** One message: who wrote it, when, and for my own whether the other has read it (in words, not only ticks). */
export function MessageItem({ entry, time, staffView }: { entry: MessageEntry; time: (iso: string) => string; staffView: boolean }) {
  const { t } = useTranslation('messaging');
  const { message, mine, read, showName } = entry;
  return (
    <Bubble mine={mine} testId="message">
      {showName && (
        <Text fz="sm" fw={600} c="dimmed" mb={2} px={4}>
          {message.senderName}
        </Text>
      )}
      <Body mine={mine} text={message.body} />
      <Group gap={6} px={4} mt={2} wrap="nowrap">
        <Text fz="xs" c="dimmed" component="time" dateTime={message.createdAt}>
          {time(message.createdAt)}
        </Text>
        {mine && (
          <Text fz="xs" c={read ? 'pine.8' : 'dimmed'} fw={read ? 600 : undefined} data-testid={read ? 'read' : 'sent'}>
            <span aria-hidden="true">{read ? '✓✓ ' : '✓ '}</span>
            {read ? t('status.read') : t('status.sent')}
          </Text>
        )}
      </Group>
      {staffView && message.crisisDetected && (
        <Text fz="xs" c="clay.8" fw={600} px={4} data-testid="crisis-flag">
          {t('status.crisisFlag')}
        </Text>
      )}
    </Bubble>
  );
}

/** A message on its way, or one that did not reach the server and can be sent again (the same one, not a copy). */
export function PendingItem({ pending, onRetry }: { pending: PendingMessage; onRetry: (p: PendingMessage) => void }) {
  const { t } = useTranslation('messaging');
  return (
    <Bubble mine testId="message-pending">
      <Body mine text={pending.body} faded />
      {pending.status === 'sending' ? (
        <Text fz="xs" c="dimmed" px={4} mt={2}>
          {t('status.sending')}
        </Text>
      ) : (
        <Group gap={6} px={4} mt={2} wrap="nowrap">
          <Text fz="xs" c="clay.8" fw={600}>
            {t('status.failed')}
          </Text>
          <Button variant="subtle" color="clay" size="compact-xs" onClick={() => onRetry(pending)}>
            {t('status.retry')}
          </Button>
        </Group>
      )}
    </Bubble>
  );
}

/** "Sam Rivera (supervisor) joined the conversation": changes of members are part of the story. */
export function MemberLine({ member, change, when }: { member: ThreadMember; change: 'joined' | 'left'; when: string }) {
  const { t } = useTranslation('messaging');
  return (
    <Box component="li" style={{ alignSelf: 'center', textAlign: 'center' }} data-testid="member-line">
      <Text fz="sm" c="dimmed" fs="italic">
        {t(`member.${change}`, { name: member.displayName, role: t(`role.${member.role}`) })} · {when}
      </Text>
    </Box>
  );
}

export function DayLine({ label }: { label: string }) {
  return (
    <Box component="li" style={{ alignSelf: 'center' }} my={4}>
      <Text fz="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.5 }}>
        {label}
      </Text>
    </Box>
  );
}
