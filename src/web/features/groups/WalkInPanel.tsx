import { Button, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Roster } from '../../../shared/schemas/groups.js';
import { SubSection } from '../../components/Section.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useGroupActions, useWalkInSearch } from './api.js';

/** Someone came who is not enrolled: find them in the program, or add them by name (no login needed). */
export function WalkInPanel({ roster, onAdded }: { roster: Roster; onAdded: (name: string) => void }) {
  const { t } = useTranslation('groups');
  const actions = useGroupActions();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const search = useWalkInSearch(roster.group.id, debounced);
  const [name, setName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onList = new Set(roster.entries.map((e) => e.participantId));
  const candidates = (search.data?.candidates ?? []).filter((c) => !onList.has(c.participantId));

  async function add(input: { participantId: string } | { preferredName: string; pronouns?: string }, shownName: string) {
    setBusy(true);
    setError(null);
    try {
      await actions.walkIn(roster.group.id, roster.session.date, input);
      onAdded(shownName);
      setQuery('');
      setName('');
      setPronouns('');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SubSection title={t('attendance.walkIns.title')}>
      <TextInput
        label={t('attendance.walkIns.search')}
        description={t('attendance.walkIns.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoComplete="off"
        size="md"
      />
      {debounced.trim().length >= 2 && search.isSuccess && (
        <Stack gap="xs" aria-live="polite">
          {candidates.length === 0 ? (
            <Text c="dimmed">{t('attendance.walkIns.noMatch')}</Text>
          ) : (
            candidates.map((c) => (
              <Button key={c.participantId} variant="light" size="md" justify="space-between" disabled={busy} onClick={() => void add({ participantId: c.participantId }, c.preferredName)}>
                {t('attendance.walkIns.add', { name: c.preferredName })}
              </Button>
            ))
          )}
        </Stack>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void add({ preferredName: name.trim(), ...(pronouns.trim() && { pronouns: pronouns.trim() }) }, name.trim());
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>{t('attendance.walkIns.byName')}</Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('attendance.walkIns.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="off" size="md" />
            <TextInput label={t('attendance.walkIns.pronouns')} value={pronouns} onChange={(e) => setPronouns(e.currentTarget.value)} autoComplete="off" size="md" />
          </SimpleGrid>
          <FormError message={error} />
          <Button type="submit" variant="outline" size="md" loading={busy} disabled={!name.trim()}>
            {t('attendance.walkIns.addNew')}
          </Button>
        </Stack>
      </form>
    </SubSection>
  );
}
