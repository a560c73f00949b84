import type { CaseloadEntry } from '../../../shared/schemas/caseload.js';

/**
 * Fourteen days of craving as small bars, for the eye only: the words beside it carry the same
 * meaning for everyone (aria-hidden). Days without a check-in are a short grey tick.
 */
export function TrendBars({ days }: { days: CaseloadEntry['trend']['days'] }) {
  const width = 4;
  const gap = 2;
  const height = 22;
  return (
    <svg width={days.length * (width + gap)} height={height} aria-hidden="true" focusable="false" style={{ flexShrink: 0 }}>
      {days.map((d, i) => {
        const h = d.craving === null ? 2 : Math.max(2, (d.craving / 10) * height);
        const fill = d.craving === null ? 'var(--mantine-color-sand-3)' : d.craving >= 7 ? 'var(--mantine-color-clay-6)' : 'var(--mantine-color-pine-5)';
        return <rect key={d.date} x={i * (width + gap)} y={height - h} width={width} height={h} rx={1} fill={fill} />;
      })}
    </svg>
  );
}
