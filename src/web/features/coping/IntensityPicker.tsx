import { Chip, Fieldset, SimpleGrid, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const levels = Array.from({ length: 11 }, (_, i) => i);

/**
 * 0–10 as big tap targets: a radio group a thumb can use. The legend names the group for screen
 * readers; the section heading above already says the same to the eye.
 */
export function IntensityPicker({ legend, value, onChange }: { legend: string; value: number | null; onChange: (value: number) => void }) {
  const { t } = useTranslation('coping');
  // One name makes the eleven inputs one radio group: a single tab stop, arrow keys move the choice.
  const name = useId();
  return (
    <Fieldset legend={<VisuallyHidden>{legend}</VisuallyHidden>} variant="unstyled">
      <Text fz="sm" c="dimmed" mb="sm">
        {t('flow.scaleHint')}
      </Text>
      <Chip.Group value={value === null ? null : String(value)} onChange={(v) => onChange(Number(v))}>
        <SimpleGrid cols={6} spacing="xs" verticalSpacing="xs">
          {levels.map((n) => (
            <Chip
              key={n}
              value={String(n)}
              name={name}
              type="radio"
              size="lg"
              radius="md"
              variant="filled"
              styles={{ iconWrapper: { display: 'none' }, label: { width: '100%', justifyContent: 'center', paddingInline: 0, fontWeight: 600 } }}
            >
              {n}
            </Chip>
          ))}
        </SimpleGrid>
      </Chip.Group>
    </Fieldset>
  );
}
