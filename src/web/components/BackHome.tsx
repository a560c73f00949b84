import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function BackHome({ small = false }: { small?: boolean }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/" fz={small ? 'sm' : undefined}>
      <span aria-hidden="true">← </span>
      {t('app.backHome')}
    </Anchor>
  );
}
