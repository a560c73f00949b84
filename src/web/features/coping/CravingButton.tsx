import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** One tap from the participant's home to the craving flow: big, first, and worded as they would say it. */
export function CravingButton() {
  const { t } = useTranslation('coping');
  return (
    <Stack gap={4}>
      <Button component={Link} to="/craving" size="xl" fullWidth color="pine" h={64} fz={20} data-testid="craving-button">
        {t('craving.button')}
      </Button>
      <Text fz="sm" c="dimmed" ta="center">
        {t('craving.hint')}
      </Text>
    </Stack>
  );
}
