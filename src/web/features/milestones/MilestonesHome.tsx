import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMilestones } from './api.js';
import { DayCounter } from './DayCounter.js';
import { MilestoneCelebration } from './MilestoneCelebration.js';

export const milestonesPath = (participantId: string) => `/participants/${participantId}/milestones`;

/** On the participant's home: a celebration when one is due, then their days (if they count them). */
export function MilestonesHome({ participantId }: { participantId: string }) {
  const { t } = useTranslation('milestones');
  const view = useMilestones(participantId);
  // The home shows other things too: a failed read here stays quiet rather than alarm anyone.
  if (!view.data) return null;
  const v = view.data;
  return (
    <>
      {v.celebrate && <MilestoneCelebration participantId={participantId} milestone={v.celebrate} />}
      <Paper withBorder p="md" radius="md" data-testid="home-milestones">
        <Stack gap="sm">
          <Text fw={650} fz="lg">
            {t('home.title')}
          </Text>
          {!v.countsDays ? (
            <Text>{t('home.notCounting')}</Text>
          ) : v.recoveryStart ? (
            <DayCounter view={v} />
          ) : (
            <>
              <Text>{t('home.noStart')}</Text>
              <Button component={Link} to={milestonesPath(participantId)} variant="light" style={{ alignSelf: 'flex-start' }}>
                {t('home.setStart')}
              </Button>
            </>
          )}
          {(!v.countsDays || v.recoveryStart) && (
            <Anchor component={Link} to={milestonesPath(participantId)}>
              {t('home.link')}
            </Anchor>
          )}
        </Stack>
      </Paper>
    </>
  );
}
