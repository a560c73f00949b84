import { Group, Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Buttons shown beside the heading, so they are found before a long list. */
  actions?: ReactNode;
  children: ReactNode;
}

function Heading({ id, order, title, actions }: { id: string; order: 2 | 3; title: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" gap="sm">
      <Title order={order} id={id} fz={order === 2 ? { base: 20, sm: 24 } : 18}>
        {title}
      </Title>
      {actions}
    </Group>
  );
}

/**
 * A labelled region of a page with its h2; `testId` gives browser tests a stable hook. A `plain`
 * section holds its own cards (subsections) instead of being one.
 */
export function Section({ title, testId, actions, plain = false, children }: Props & { testId?: string; plain?: boolean }) {
  const id = useId();
  const body = (
    <Stack gap="md">
      <Heading id={id} order={2} title={title} actions={actions} />
      {children}
    </Stack>
  );
  if (plain) {
    return (
      <section aria-labelledby={id} data-testid={testId}>
        {body}
      </section>
    );
  }
  return (
    <Paper component="section" aria-labelledby={id} data-testid={testId} withBorder p={{ base: 'md', sm: 'lg' }} shadow="xs">
      {body}
    </Paper>
  );
}

/** A card within a plain section, with its h3. */
export function SubSection({ title, actions, children }: Props) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p={{ base: 'md', sm: 'lg' }} shadow="xs">
      <Stack gap="sm">
        <Heading id={id} order={3} title={title} actions={actions} />
        {children}
      </Stack>
    </Paper>
  );
}
