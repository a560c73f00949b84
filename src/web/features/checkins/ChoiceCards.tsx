import { Text } from '@mantine/core';
import { useId, type CSSProperties, type ReactNode } from 'react';
import './checkins.css';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** Shown above the label (a mood face). */
  picture?: ReactNode;
}

interface Props<V extends string> {
  name: string;
  legend: string;
  choices: ReadonlyArray<Choice<V>>;
  value: V | undefined;
  onChange: (value: V) => void;
  error?: string;
  /** Columns on a phone; wider screens use the same. */
  columns: number;
}

/** One question answered by a tap: a fieldset of radio inputs drawn as large cards. */
export function ChoiceCards<V extends string>({ name, legend, choices, value, onChange, error, columns }: Props<V>) {
  const errorId = useId();
  return (
    <fieldset className="checkin-fieldset">
      <legend>{legend}</legend>
      <div
        className="checkin-choices"
        style={{ '--checkin-columns': columns } as CSSProperties}
        data-invalid={error ? true : undefined}
        data-compact={columns >= 5 ? true : undefined}
      >
        {choices.map((choice) => (
          <label key={choice.value} className="checkin-choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
            {choice.picture}
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <Text id={errorId} c="clay.7" fz="sm" mt={6} fw={500}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
