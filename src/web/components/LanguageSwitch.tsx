import { Menu, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '../../shared/schemas/tenancy.js';
import { useChangeLocale } from '../api/session.js';
import { chooseLocaleSignedOut, currentLocale } from '../i18n/locale.js';

// Each language is named in itself, and marked so screen readers pronounce it right.
const names: Record<Locale, string> = { en: 'English', es: 'Español' };

/** For signed-out pages: the choice is kept on this device and saved to the account at sign-in. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={currentLocale()}
      onChange={(value) => chooseLocaleSignedOut(value as Locale)}
      data={locales.map((l) => ({ value: l, label: <span lang={l}>{names[l]}</span> }))}
    />
  );
}

/** For the account menu: the choice is saved to the account. */
export function LanguageMenuItems() {
  const { t } = useTranslation();
  const change = useChangeLocale();
  const active = currentLocale();
  return (
    <>
      <Menu.Label>{t('language.label')}</Menu.Label>
      {locales.map((l) => (
        <Menu.Item
          key={l}
          lang={l}
          aria-current={l === active ? 'true' : undefined}
          leftSection={<span aria-hidden="true">{l === active ? '✓' : ''}</span>}
          onClick={() => change.mutate(l)}
        >
          {names[l]}
          {l === active && <VisuallyHidden>{t('language.current')}</VisuallyHidden>}
        </Menu.Item>
      ))}
    </>
  );
}
