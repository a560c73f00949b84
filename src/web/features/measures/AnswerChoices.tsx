import type { ChoiceScale } from '../../../shared/instruments/index.js';
import { useLocalized } from './instrument-text.js';
import './measures.css';

interface Props {
  name: string;
  scale: ChoiceScale;
  value: number | null | undefined;
  onChange: (value: number) => void;
}

/** The answer choices of one item, one large row each, so a thumb finds them on a phone. */
export function AnswerChoices({ name, scale, value, onChange }: Props) {
  const text = useLocalized();
  return (
    <div className="measure-choices">
      {scale.options.map((option) => (
        <label key={option.value} className="measure-choice">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>{text(option.label)}</span>
        </label>
      ))}
    </div>
  );
}
