import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.js';
import { EmptyState } from '../../components/Status.js';

export function ModeratorHome() {
  const { t } = useTranslation();
  return (
    <Section title={t('home.moderator.title')} testId="home-moderator">
      <EmptyState>{t('home.moderator.empty')}</EmptyState>
    </Section>
  );
}
