import { NumberInput } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition, Item } from '../../../shared/instruments/index.js';
import { AnswerChoices } from './AnswerChoices.js';
import { useLocalized, type FormAnswers } from './instrument-text.js';
import './measures.css';

interface Props {
  definition: InstrumentDefinition;
  item: Item;
  answers: FormAnswers;
  onAnswer: (value: number | null) => void;
}

/**
 * One item as a fieldset: its words as the legend, then its answers. The legend takes focus when
 * the question changes, so a screen reader reads the new question first.
 */
export const ItemQuestion = forwardRef<HTMLLegendElement, Props>(function ItemQuestion({ definition, item, answers, onAnswer }, legendRef) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const scale = definition.scales[item.scale]!;
  const value = answers[item.id];
  return (
    <fieldset className="measure-question">
      <legend ref={legendRef} tabIndex={-1}>
        {text(item.text)}
      </legend>
      {scale.type === 'choice' ? (
        <AnswerChoices name={`item-${item.id}`} scale={scale} value={value} onChange={onAnswer} />
      ) : (
        <NumberInput
          size="lg"
          inputMode="numeric"
          label={t('form.dayCount', { unit: text(scale.unit), max: dayLimit(scale.max, item, answers) })}
          min={0}
          max={dayLimit(scale.max, item, answers)}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={value ?? ''}
          onChange={(v) => onAnswer(typeof v === 'number' ? v : v === '' ? null : Number(v))}
          styles={{ wrapper: { maxWidth: 160 } }}
        />
      )}
    </fieldset>
  );
});

/** A day count cannot exceed the recall period, nor the answer of an item it is part of (heavy-drinking days ≤ drinking days). */
function dayLimit(max: number, item: Item, answers: FormAnswers): number {
  const bound = item.atMostItem === undefined ? undefined : answers[item.atMostItem];
  return typeof bound === 'number' ? Math.min(max, bound) : max;
}
