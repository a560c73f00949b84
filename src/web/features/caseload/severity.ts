import type { CaseloadEntry } from '../../../shared/schemas/caseload.js';

type Attention = CaseloadEntry['attention'];

/** Colour only repeats what the words say (a label is always beside it). */
export const attentionColor: Record<Attention, string> = { urgent: 'clay', high: 'amber', normal: 'sand', none: 'pine' };

export const attentionBorder = (a: Attention) => ({ borderLeft: `5px solid var(--mantine-color-${attentionColor[a]}-${a === 'normal' ? 5 : 6})` });
