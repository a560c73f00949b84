import type { ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { DialogButton } from '../../components/DialogButton.js';
import { CreateGoalForm } from './GoalForm.js';

interface Props {
  participant: Pick<ParticipantSummary, 'id' | 'preferredName'>;
  /** What the server said a new goal of this actor becomes: the participant's own, or a suggestion. */
  as: 'active' | 'suggested';
  onDone: (message: string) => void;
  button?: ButtonProps;
}

export function NewGoalButton({ participant, as, onDone, button }: Props) {
  const { t } = useTranslation('goals');
  const suggesting = as === 'suggested';
  const name = participant.preferredName;
  return (
    <DialogButton
      label={suggesting ? t('suggest') : t('new')}
      ariaLabel={suggesting ? t('suggestFor', { name }) : undefined}
      title={suggesting ? t('suggestFor', { name }) : t('new')}
      button={{ style: { alignSelf: 'flex-start' }, ...button }}
    >
      {(close) => (
        <CreateGoalForm
          participantId={participant.id}
          suggestingTo={suggesting ? name : undefined}
          onDone={(goal) => {
            close();
            onDone(suggesting ? t('done.suggested', { name }) : t('done.created', { title: goal.title }));
          }}
        />
      )}
    </DialogButton>
  );
}
