import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDetail } from '../../../shared/schemas/resources.js';
import { SubSection } from '../../components/Section.js';
import { EmptyState, FormError, Notice } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { newTipFormSchema, useResourceActions } from './api.js';
import { useResourceWords } from './words.js';

/** What people here know about a service, and a way for staff to add to it. */
export function TipsSection({ service }: { service: ServiceDetail }) {
  const { t } = useTranslation('resources');
  const words = useResourceWords();
  const { addTip } = useResourceActions();
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useApiForm({
    schema: newTipFormSchema,
    send: (input) => addTip(service.id, input.body),
    onSuccess: () => {
      setBody('');
      setSaved(true);
      form.reset();
    },
  });
  return (
    <SubSection title={t('tips.title')}>
      {service.tips.length === 0 ? (
        <EmptyState>{t('tips.empty')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="xs" data-testid="resource-tips">
          {service.tips.map((tip) => (
            <Paper component="li" key={tip.id} bg="sand.0" p="sm" radius="md">
              <Text>{tip.body}</Text>
              <Text size="xs" c="dimmed">
                {t('tips.by', { name: tip.author.displayName, date: words.date(tip.createdAt) })}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {service.can.addTip && (
        <form noValidate onSubmit={form.onSubmit({ body })}>
          <Stack gap="xs">
            <Textarea
              label={t('tips.label')}
              description={t('tips.hint')}
              autosize
              minRows={2}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value);
                setSaved(false);
              }}
              error={form.error('body')}
            />
            <FormError message={form.formError} />
            {saved && <Notice>{t('tips.saved')}</Notice>}
            <Button type="submit" variant="light" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
              {t('tips.save')}
            </Button>
          </Stack>
        </form>
      )}
    </SubSection>
  );
}
