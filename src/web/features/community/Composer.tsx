import { Alert, Button, Checkbox, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishResult } from '../../../shared/schemas/community.js';
import { isApiError } from '../../api/client.js';
import { CrisisSupport } from './CrisisSupport.js';
import { GuidelinesCheck } from './Onboarding.js';

interface Props {
  label: string;
  withTitle?: boolean;
  needsGuidelines: boolean;
  peerWorker?: boolean;
  submit: (input: { title?: string | null; body: string; acceptGuidelines?: boolean; peerWorkersOnly?: boolean }) => Promise<PublishResult>;
}

/** Writing a post or a reply: held posts and crisis support are answered right here. */
export function Composer({ label, withTitle = false, needsGuidelines, peerWorker = false, submit }: Props) {
  const { t } = useTranslation('community');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [accept, setAccept] = useState(false);
  const [staffOnly, setStaffOnly] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          submit({ ...(withTitle ? { title: title || null } : {}), body, ...(needsGuidelines ? { acceptGuidelines: accept } : {}), ...(peerWorker ? { peerWorkersOnly: staffOnly } : {}) })
            .then((r) => {
              setResult(r);
              setBody('');
              setTitle('');
            })
            .catch((err: unknown) => setError(isApiError(err) ? err.message : String(err)));
        }}
      >
        <Stack gap="sm">
          {withTitle && <TextInput label={t('compose.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />}
          <Textarea label={label} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} required />
          {peerWorker && <Checkbox label={t('compose.peerWorkersOnly')} checked={staffOnly} onChange={(e) => setStaffOnly(e.currentTarget.checked)} />}
          {needsGuidelines && <GuidelinesCheck checked={accept} onChange={setAccept} />}
          {error && <Alert color="red">{error}</Alert>}
          <Button type="submit" style={{ alignSelf: 'flex-start' }}>
            {t('compose.send')}
          </Button>
        </Stack>
      </form>
      {result?.held && (
        <Alert color="amber" data-testid="community-held" role="status">
          {t('compose.held')}
        </Alert>
      )}
      {result?.crisis.support && <CrisisSupport support={result.crisis.support} />}
    </Stack>
  );
}
