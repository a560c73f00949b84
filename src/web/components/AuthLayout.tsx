import { Box, Container, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SkipLink } from './SkipLink.js';

/** The frame of the signed-out pages: the name, the language switch, one card. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <Box component="header">
        <Container size="xs" pt="md">
          <Group justify="space-between">
            <Text fw={700} fz="lg" c="pine.8">
              {t('app.name')}
            </Text>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size="xs" py="lg">
        <Paper component="main" id="main" tabIndex={-1} withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="md">{children}</Stack>
        </Paper>
        <Text component="footer" ta="center" c="dimmed" fz="sm" mt="lg">
          {t('app.tagline')}
        </Text>
      </Container>
    </>
  );
}
