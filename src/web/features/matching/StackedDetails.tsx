import type { ReactNode } from 'react';
import './matching.css';

/** Label above value: for values longer than a word or two (a list of experiences, a bio) on a phone. */
export function StackedDetails({ items }: { items: Array<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="matching-details">
      {items.map(({ label, value }) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
