import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommunityMember } from '../../../shared/schemas/community.js';
import { FindMember } from './FindMember.js';

/** A list of members chosen by community name, each with a way to take them out again. */
export function PeoplePicker({ title, help, people, onChange, testId }: { title: string; help: string; people: CommunityMember[]; onChange: (p: CommunityMember[]) => void; testId: string }) {
  const { t } = useTranslation('community');
  return (
    <Stack gap="xs" component="fieldset" data-testid={testId} style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={650}>
        {title}
      </Text>
      <Text fz="sm">{help}</Text>
      {people.length === 0 ? (
        <Text fz="sm">{t('spaceForm.nobody')}</Text>
      ) : (
        <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {people.map((p) => (
            <li key={p.id}>
              <Button size="xs" variant="light" color="sand" onClick={() => onChange(people.filter((x) => x.id !== p.id))}>
                {t('spaceForm.takeOut', { name: p.communityName })}
              </Button>
            </li>
          ))}
        </Group>
      )}
      <FindMember label={t('spaceForm.findName')} button={t('spaceForm.add')} onFound={(m) => onChange(people.some((x) => x.id === m.id) ? people : [...people, m])} />
    </Stack>
  );
}
