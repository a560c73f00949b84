import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityMember } from '../../../shared/schemas/community.js';
import { isApiError } from '../../api/client.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { lookupMember } from './api.js';

/** Finds a member by their community name (exact, ignoring case) and hands them on. */
export function FindMember({ label, button, onFound }: { label: string; button: string; onFound: (m: CommunityMember) => void }) {
  const { t } = useTranslation('community');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const find = () => {
    setError(null);
    lookupMember(name).then(
      (m) => {
        onFound(m);
        setName('');
      },
      (err: unknown) => setError(isApiError(err, 404) ? t('spaceForm.notFound') : describeError(err)),
    );
  };
  return (
    <>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={label}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
        />
        <Button variant="light" onClick={find} disabled={name.trim().length < 2}>
          {button}
        </Button>
      </Group>
      <FormError message={error} />
    </>
  );
}
