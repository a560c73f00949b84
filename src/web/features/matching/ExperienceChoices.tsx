import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { livedExperiences } from '../../../shared/schemas/journey.js';

type Code = (typeof livedExperiences)[number];

interface Props {
  label: string;
  description?: string;
  value: Code[];
  onChange: (value: Code[]) => void;
  error?: string | undefined;
}

/** Lived experience as checkboxes: what a peer worker chooses to share, or what a participant hopes for. */
export function ExperienceChoices({ label, description, value, onChange, error }: Props) {
  const { t } = useTranslation('matching');
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={(v) => onChange(v as Code[])} error={error}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {livedExperiences.map((code) => (
          <Checkbox key={code} value={code} label={t(`experience.${code}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
