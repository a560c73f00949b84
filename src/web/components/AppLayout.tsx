import { Anchor, Avatar, Box, Container, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSignedIn, useSignOut } from '../api/session.js';
import { NotificationsBell } from '../features/notifications/NotificationsBell.js';
import { CalendarMenuItem } from '../features/appointments/CalendarMenuItem.js';
import { MessagesNavButton } from '../features/messaging/MessagesNavButton.js';
import { UrgentAlertBanner } from '../features/caseload/UrgentAlertBanner.js';
import { rolesOf } from '../roles.js';
import { MySafetyPlanLink } from '../features/safety-plan/SafetyPlanLink.js';
import { MatchingProfileMenuItem } from '../features/matching/MatchingProfileLinks.js';
import { CrisisCard } from './CrisisCard.js';
import { LanguageMenuItems } from './LanguageSwitch.js';
import { SkipLink } from './SkipLink.js';

/** The signed-in frame: organization name, the account menu, the crisis card for participants, and main. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, crisisLine } = useSignedIn();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const isParticipant = user.participantId !== null;
  // Urgent alerts reach the people who act on them on whatever screen they are.
  const hearsAlerts = rolesOf(user).some((r) => r === 'peer_worker' || r === 'supervisor');

  return (
    <>
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-sand-2)' }}>
        <Container size="md" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to="/" fw={700} c="pine.8" underline="never" lineClamp={2} style={{ minWidth: 0 }}>
              {user.organization.name}
            </Anchor>
            <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
              <MessagesNavButton />
              <NotificationsBell />
              <Menu position="bottom-end" width={260} withinPortal withInitialFocusPlaceholder={false}>
                <Menu.Target>
                  <UnstyledButton aria-label={t('nav.accountMenu', { name: user.displayName })} p={4} style={{ borderRadius: 'var(--mantine-radius-md)', flexShrink: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Avatar color="pine" radius="xl" size={36} aria-hidden="true" />
                      <Text visibleFrom="sm" fw={600} c="pine.8">
                        {user.displayName}
                      </Text>
                      <Text span aria-hidden="true" c="pine.8">
                        ▾
                      </Text>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{t('nav.signedInAs', { email: user.email })}</Menu.Label>
                  <Menu.Item onClick={() => navigate('/')}>{t('nav.home')}</Menu.Item>
                  <CalendarMenuItem />
                  <MatchingProfileMenuItem />
                  <Menu.Divider />
                  <LanguageMenuItems />
                  <Menu.Divider />
                  <Menu.Item onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}>{t('nav.signOut')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="md">
        <Stack gap="lg">
          {isParticipant && (
            <CrisisCard crisisLine={crisisLine}>
              <MySafetyPlanLink participantId={user.participantId!} />
            </CrisisCard>
          )}
          {hearsAlerts && <UrgentAlertBanner />}
          <Stack component="main" id="main" tabIndex={-1} gap="lg">
            {children}
          </Stack>
        </Stack>
      </Container>
    </>
  );
}

