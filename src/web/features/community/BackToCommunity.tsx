import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function BackToCommunity() {
  const { t } = useTranslation('community');
  return (
    <Anchor component={Link} to="/community" fz="sm">
      <span aria-hidden="true">← </span>
      {t('nav.back')}
    </Anchor>
  );
}
