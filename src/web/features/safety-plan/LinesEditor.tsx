import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_ITEMS_PER_STEP, type SafetyPlanStep } from '../../../shared/schemas/safety-plan.js';

interface Props {
  step: SafetyPlanStep;
  number: number;
  lines: string[];
  onChange: (lines: string[]) => void;
  /** Whether the server or the shared schema found a problem at this index. */
  invalid: (index: number) => boolean;
}

/** One step written as lines of text: each line its own input, added and removed one at a time. */
export function LinesEditor({ step, number, lines, onChange, invalid }: Props) {
  const { t } = useTranslation('safety-plan');
  const title = t(`step.${step}.title`);
  return (
    <Fieldset legend={t('edit.legend', { number, title })} variant="filled" radius="md">
      <Stack gap="xs">
        {lines.map((line, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              aria-label={t('edit.lineLabel', { title, number: i + 1 })}
              value={line}
              maxLength={500}
              onChange={(e) => onChange(lines.map((l, j) => (j === i ? e.currentTarget.value : l)))}
              error={invalid(i) ? t('edit.lineInvalid') : undefined}
              size="md"
            />
            <Button variant="subtle" color="clay" size="md" px="xs" onClick={() => onChange(lines.filter((_, j) => j !== i))} aria-label={t('edit.removeLine', { title, number: i + 1 })}>
              {t('edit.remove')}
            </Button>
          </Group>
        ))}
        {lines.length < MAX_ITEMS_PER_STEP && (
          <Button variant="light" onClick={() => onChange([...lines, ''])} style={{ alignSelf: 'flex-start' }}>
            {t(`step.${step}.add`)}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
