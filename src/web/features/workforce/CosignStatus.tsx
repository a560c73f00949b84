import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/schemas/notes.js';

/** A note's co-sign state on its card: waiting, co-signed by whom, or returned with the supervisor's comment. */
export function CosignStatus({ note }: { note: Note }) {
  const { t } = useTranslation('workforce');
  const c = note.cosign;
  if (!c) return null;
  return (
    <Text fz="sm" data-testid="note-cosign" fw={c.status === 'returned' ? 600 : undefined}>
      {c.status === 'pending' && t('noteCosign.pending')}
      {c.status === 'approved' && t('noteCosign.approved', { name: c.decidedBy?.displayName ?? '' })}
      {c.status === 'returned' && t('noteCosign.returned', { name: c.decidedBy?.displayName ?? '', comment: c.comment ?? '' })}
    </Text>
  );
}
