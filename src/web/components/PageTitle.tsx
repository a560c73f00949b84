import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

/**
 * The page's one h1. It names the document, and after a client-side navigation it takes focus so
 * screen readers announce the new page (on the first page load the browser's own focus stays).
 */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  // React Router gives the location the page was loaded at the key 'default'.
  const navigated = useLocation().key !== 'default';
  useEffect(() => {
    document.title = t('app.documentTitle', { page: children });
  }, [children, t]);
  useEffect(() => {
    if (navigated) ref.current?.focus();
  }, [navigated]);
  return (
    <Title order={1} ref={ref} tabIndex={-1} fz={{ base: 26, sm: 32 }}>
      {children}
    </Title>
  );
}
