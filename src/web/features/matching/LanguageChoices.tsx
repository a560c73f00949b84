import { Checkbox, SimpleGrid } from '@mantine/core';
import { useFormat } from '../../i18n/format.js';
import { languageChoices } from '../profile/languages.js';

interface Props {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}

/** The common languages as checkboxes, plus any other the profile already names. */
export function LanguageChoices({ label, description, value, onChange, error }: Props) {
  const { locale } = useFormat();
  const common = languageChoices(locale, 'en');
  const extra = value.filter((tag) => !common.some((c) => c.value === tag)).map((tag) => languageChoices(locale, tag).find((c) => c.value === tag)!);
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs" mt="xs">
        {[...extra, ...common].map((c) => (
          <Checkbox key={c.value} value={c.value} label={c.label} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
