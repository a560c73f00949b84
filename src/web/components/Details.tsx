import type { ReactNode } from 'react';

/** Label/value pairs as a description list, so each value is read with its label. */
export function Details({ items }: { items: Array<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="details">
      {items.map(({ label, value }) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
