import { Button, Fieldset, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_ITEMS_PER_STEP, type SafetyPlanStep } from '../../../shared/schemas/safety-plan.js';

/** A contact as typed: every field a string, blanks allowed until saving. */
export interface ContactDraft {
  name: string;
  phone: string;
  note: string;
}

interface Props {
  step: SafetyPlanStep;
  number: number;
  contacts: ContactDraft[];
  onChange: (contacts: ContactDraft[]) => void;
  invalid: (index: number, field: keyof ContactDraft) => boolean;
}

/** One step written as people or places, each with a name, a phone number and a note. */
export function ContactsEditor({ step, number, contacts, onChange, invalid }: Props) {
  const { t } = useTranslation('safety-plan');
  const title = t(`step.${step}.title`);
  const set = (i: number, field: keyof ContactDraft, value: string) => onChange(contacts.map((c, j) => (j === i ? { ...c, [field]: value } : c)));
  return (
    <Fieldset legend={t('edit.legend', { number, title })} variant="filled" radius="md">
      <Stack gap="sm">
        {contacts.map((contact, i) => (
          <Paper key={i} withBorder p="sm" bg="white" role="group" aria-label={t('edit.contactLabel', { title, number: i + 1 })}>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label={t('edit.name')}
                  value={contact.name}
                  maxLength={120}
                  onChange={(e) => set(i, 'name', e.currentTarget.value)}
                  error={invalid(i, 'name') ? t('edit.nameInvalid') : undefined}
                  size="md"
                />
                <TextInput
                  label={t('edit.phone')}
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  value={contact.phone}
                  maxLength={40}
                  onChange={(e) => set(i, 'phone', e.currentTarget.value)}
                  error={invalid(i, 'phone') ? t('edit.phoneInvalid') : undefined}
                  size="md"
                />
              </SimpleGrid>
              <TextInput label={t('edit.note')} value={contact.note} maxLength={300} onChange={(e) => set(i, 'note', e.currentTarget.value)} size="md" />
              <Button
                variant="subtle"
                color="clay"
                onClick={() => onChange(contacts.filter((_, j) => j !== i))}
                aria-label={t('edit.removeContact', { title, number: i + 1 })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('edit.remove')}
              </Button>
            </Stack>
          </Paper>
        ))}
        {contacts.length < MAX_ITEMS_PER_STEP && (
          <Button variant="light" onClick={() => onChange([...contacts, { name: '', phone: '', note: '' }])} style={{ alignSelf: 'flex-start' }}>
            {t(`step.${step}.add`)}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
