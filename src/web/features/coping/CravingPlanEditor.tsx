import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PLAN_ITEMS, type CopingPlan } from '../../../shared/schemas/coping.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useSaveCopingPlan } from './api.js';
import { useStrategies } from './strategies.js';

interface Row {
  strategyId: string;
  personalNote: string;
}

/** Reorder, annotate, add and remove strategies; the whole plan is saved at once, in this order. */
export function CravingPlanEditor({ plan, onDone }: { plan: CopingPlan; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation('coping');
  const strategies = useStrategies();
  const save = useSaveCopingPlan(plan.participantId);
  const [rows, setRows] = useState<Row[]>(plan.items.map((i) => ({ strategyId: i.strategyId, personalNote: i.personalNote ?? '' })));
  const addable = strategies.all.filter((s) => !rows.some((r) => r.strategyId === s.strategy.id));
  const [toAdd, setToAdd] = useState(addable[0]?.strategy.id ?? '');
  const mutation = useMutation({
    mutationFn: () => save({ items: rows.map((r) => ({ strategyId: r.strategyId, personalNote: r.personalNote.trim() || undefined })) }),
    onSuccess: () => onDone(true),
  });

  const move = (index: number, by: -1 | 1) =>
    setRows((old) => {
      const next = [...old];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });
  const add = () => {
    if (!toAdd) return;
    setRows((old) => [...old, { strategyId: toAdd, personalNote: '' }]);
    setToAdd(addable.find((s) => s.strategy.id !== toAdd)?.strategy.id ?? '');
  };

  return (
    <Stack gap="sm" data-testid="craving-plan-editor">
      {rows.length === 0 && <Text c="dimmed">{t('plan.emptyEditing')}</Text>}
      <Stack component="ol" className="record-list" gap="xs">
        {rows.map((row, i) => {
          const title = strategies.title(row.strategyId);
          return (
            <Paper component="li" key={row.strategyId} withBorder p="sm" bg="white">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Text fw={600} style={{ minWidth: 0 }}>
                  {i + 1}. {title}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="default" size="lg" disabled={i === 0} aria-label={t('plan.moveUp', { title })} onClick={() => move(i, -1)}>
                    <span aria-hidden="true">↑</span>
                  </ActionIcon>
                  <ActionIcon variant="default" size="lg" disabled={i === rows.length - 1} aria-label={t('plan.moveDown', { title })} onClick={() => move(i, 1)}>
                    <span aria-hidden="true">↓</span>
                  </ActionIcon>
                  <ActionIcon variant="default" size="lg" aria-label={t('plan.remove', { title })} onClick={() => setRows((old) => old.filter((r) => r.strategyId !== row.strategyId))}>
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Group>
              </Group>
              <TextInput
                mt="xs"
                label={t('plan.note', { title })}
                placeholder={t('plan.notePlaceholder')}
                maxLength={300}
                value={row.personalNote}
                onChange={(e) => {
                  const personalNote = e.currentTarget.value;
                  setRows((old) => old.map((r) => (r.strategyId === row.strategyId ? { ...r, personalNote } : r)));
                }}
              />
            </Paper>
          );
        })}
      </Stack>
      {rows.length < MAX_PLAN_ITEMS && addable.length > 0 && (
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label={t('plan.addLabel')}
            value={toAdd}
            onChange={(e) => setToAdd(e.currentTarget.value)}
            data={addable.map((s) => ({ value: s.strategy.id, label: s.words.title }))}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button variant="light" onClick={add}>
            {t('plan.add')}
          </Button>
        </Group>
      )}
      <FormError message={mutation.isError ? describeError(mutation.error) : null} />
      <Group gap="sm">
        <Button loading={mutation.isPending} onClick={() => mutation.mutate()}>
          {t('plan.save')}
        </Button>
        <Button variant="default" onClick={() => onDone(false)}>
          {t('plan.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
