import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A table's CSV, with the same suppression as on screen; the download is audited. */
export function DownloadCsv({ href, label }: { href: string; label?: string }) {
  const { t } = useTranslation('outcomes');
  return (
    <Anchor href={href} download className="outcomes-no-print" fz="sm" fw={600}>
      {label ?? t('download.csv')}
    </Anchor>
  );
}
