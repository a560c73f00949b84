/**
 * Small-cell suppression for equity tables. A cell describing fewer than `min` people (but more
 * than none) is hidden; then, so that a published total cannot reveal a hidden cell by subtraction,
 * more cells are hidden (smallest first) until at least two are hidden and together they hold at
 * least `min` people. A zero is shown: it reveals nobody. Cells hidden for another reason that hold
 * `min` or more need no complement: recovering them reveals no small figure.
 *
 * The same rule runs twice for an equity table: once over the groups' sizes (a whole group withheld),
 * and then once per measure over the people (or records) each group's figure rests on, because a
 * figure withheld in one group could otherwise be worked out as the overall figure minus the other
 * groups' (for example enrolled: overall 30, Spanish speakers withheld, English speakers 29).
 * "Not recorded" and any "other" group are cells like the rest.
 */
export const MIN_CELL = 11;

export type SuppressionReason = 'small_cell' | 'complementary';

export interface Cell {
  key: string;
  n: number;
}

/**
 * Which cells to withhold. `alreadyHidden` are cells withheld for another reason (their group, or a
 * figure resting on too few): they count as hidden and are not repeated in the answer.
 */
export function suppressCells(cells: readonly Cell[], min = MIN_CELL, alreadyHidden: ReadonlySet<string> = new Set()): Map<string, SuppressionReason> {
  const hidden = new Map<string, SuppressionReason>();
  const isHidden = (key: string) => hidden.has(key) || alreadyHidden.has(key);
  for (const c of cells) if (!alreadyHidden.has(c.key) && c.n > 0 && c.n < min) hidden.set(c.key, 'small_cell');
  const hiddenCells = () => cells.filter((c) => isHidden(c.key));
  // Only cells of 11 or more hidden (or empty ones): what a subtraction could reveal is no small
  // figure, so nothing more needs hiding.
  if (!hiddenCells().some((c) => c.n > 0 && c.n < min)) return hidden;
  const enough = () => {
    const h = hiddenCells().filter((c) => c.n > 0);
    return h.length >= 2 && h.reduce((s, c) => s + c.n, 0) >= min;
  };
  // Smallest visible non-empty cells first: they cost the least information.
  const candidates = cells.filter((c) => !isHidden(c.key) && c.n > 0).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  for (const c of candidates) {
    if (enough()) break;
    hidden.set(c.key, 'complementary');
  }
  return hidden;
}

/** A value computed over fewer than `min` people is not published either. */
export const tooFew = (denominator: number, min = MIN_CELL) => denominator > 0 && denominator < min;
