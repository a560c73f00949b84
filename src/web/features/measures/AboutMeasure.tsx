import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '../../../shared/instruments/index.js';
import { useLocalized } from './instrument-text.js';

/** Where the questions come from, in a disclosure: the wording note, the citation and the terms of use. */
export function AboutMeasure({ definition }: { definition: InstrumentDefinition }) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  return (
    <details>
      <summary>
        <Text span fw={500} c="pine.8">
          {t('about.summary', { name: definition.shortName })}
        </Text>
      </summary>
      <Text mt="xs">
        {definition.wording === 'plain-language'
          ? t('about.plainWords', { name: text(definition.name) })
          : t('about.officialWords', { name: text(definition.name) })}
      </Text>
      <Text mt="xs" fz="sm">
        <strong>{t('about.source')}</strong> {definition.citation}
      </Text>
      <Text mt="xs" fz="sm">
        <strong>{t('about.terms')}</strong> {definition.termsOfUse}
      </Text>
    </details>
  );
}
