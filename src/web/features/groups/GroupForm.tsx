import { Button, Checkbox, Group as Row, NativeSelect, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupModes, weekdayCodes, type WeekdayCode } from '../../../shared/groups/vocabulary.js';
import { createGroupSchema, updateGroupSchema, type Group } from '../../../shared/schemas/groups.js';
import type { Program } from '../../../shared/schemas/tenancy.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useGroupActions } from './api.js';
import { todayIn } from './useGroupFormat.js';

interface Values {
  programId: string;
  topic: string;
  description: string;
  mode: string;
  place: string;
  onlineUrl: string;
  capacity: string | number;
  frequency: 'daily' | 'weekly';
  interval: string | number;
  weekdays: WeekdayCode[];
  startTime: string;
  durationMinutes: string | number;
  startsOn: string;
  endsOn: string;
}

const num = (v: string | number) => (v === '' ? undefined : Number(v));

/** Start a group, or change one: what, where, and when on the program's clock. */
export function GroupForm({ programs, group, onDone }: { programs: Program[]; group?: Group; onDone: (group: Group) => void }) {
  const { t } = useTranslation('groups');
  const actions = useGroupActions();
  const firstProgram = group ? programs.find((p) => p.id === group.programId) : programs[0];
  const [v, setValues] = useState<Values>(() => ({
    programId: group?.programId ?? firstProgram?.id ?? '',
    topic: group?.topic ?? '',
    description: group?.description ?? '',
    mode: group?.mode ?? 'in_person',
    place: group?.place ?? '',
    onlineUrl: group?.onlineUrl ?? '',
    capacity: group?.capacity ?? '',
    frequency: group?.schedule.frequency ?? 'weekly',
    interval: group?.schedule.interval ?? 1,
    weekdays: group?.schedule.weekdays ?? [],
    startTime: group?.schedule.startTime ?? '18:00',
    durationMinutes: group?.schedule.durationMinutes ?? 90,
    startsOn: group?.schedule.startsOn ?? todayIn(firstProgram?.timeZone ?? 'UTC'),
    endsOn: group?.schedule.endsOn ?? '',
  }));
  const set = (patch: Partial<Values>) => setValues((old) => ({ ...old, ...patch }));
  const program = programs.find((p) => p.id === v.programId);
  const create = useApiForm({ schema: createGroupSchema, send: actions.create, onSuccess: onDone });
  const update = useApiForm({ schema: updateGroupSchema, send: (input) => actions.update(group!.id, input), onSuccess: onDone });
  const form = group ? update : create;
  const schedule = {
    frequency: v.frequency,
    interval: num(v.interval),
    weekdays: v.frequency === 'weekly' ? v.weekdays : [],
    startTime: v.startTime,
    durationMinutes: num(v.durationMinutes),
    startsOn: v.startsOn,
    endsOn: v.endsOn || null,
  };
  const values = {
    ...(group ? {} : { programId: v.programId }),
    topic: v.topic,
    description: v.description.trim() || null,
    mode: v.mode,
    place: v.mode === 'online' ? null : v.place.trim() || null,
    onlineUrl: v.mode === 'in_person' ? null : v.onlineUrl.trim() || null,
    capacity: num(v.capacity) ?? null,
    schedule,
  };

  return (
    <form noValidate onSubmit={form.onSubmit(values)}>
      <Stack gap="md">
        {!group && programs.length > 1 && (
          <NativeSelect label={t('form.program')} value={v.programId} onChange={(e) => set({ programId: e.currentTarget.value })} data={programs.map((p) => ({ value: p.id, label: p.name }))} />
        )}
        <TextInput label={t('form.topic')} description={t('form.topicHint')} required value={v.topic} onChange={(e) => set({ topic: e.currentTarget.value })} error={form.error('topic')} />
        <Textarea label={t('form.description')} autosize minRows={2} value={v.description} onChange={(e) => set({ description: e.currentTarget.value })} error={form.error('description')} />
        <NativeSelect
          label={t('form.mode')}
          value={v.mode}
          onChange={(e) => set({ mode: e.currentTarget.value })}
          data={groupModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
        />
        {v.mode !== 'online' && <TextInput label={t('form.place')} required value={v.place} onChange={(e) => set({ place: e.currentTarget.value })} error={form.error('place')} />}
        {v.mode !== 'in_person' && (
          <TextInput label={t('form.onlineUrl')} type="url" required value={v.onlineUrl} onChange={(e) => set({ onlineUrl: e.currentTarget.value })} error={form.error('onlineUrl')} />
        )}
        <NumberInput label={t('form.capacity')} min={1} max={500} value={v.capacity} onChange={(value) => set({ capacity: value })} error={form.error('capacity')} />
        <Stack gap={4}>
          <Text fw={500} fz="sm" id="group-frequency-label">
            {t('form.frequency')}
          </Text>
          <SegmentedControl
            aria-labelledby="group-frequency-label"
            value={v.frequency}
            onChange={(value) => set({ frequency: value as Values['frequency'] })}
            data={[
              { value: 'weekly', label: t('form.weekly') },
              { value: 'daily', label: t('form.daily') },
            ]}
          />
        </Stack>
        {v.frequency === 'weekly' && (
          <Checkbox.Group label={t('form.weekdays')} value={v.weekdays} onChange={(days) => set({ weekdays: days as WeekdayCode[] })} error={form.error('schedule.weekdays')}>
            <Row gap="sm" mt={6}>
              {weekdayCodes.map((d) => (
                <Checkbox key={d} value={d} label={t(`weekday.${d}`)} />
              ))}
            </Row>
          </Checkbox.Group>
        )}
        <Row grow align="flex-start">
          <NumberInput label={t('form.interval')} min={1} max={8} value={v.interval} onChange={(value) => set({ interval: value })} error={form.error('schedule.interval')} />
          <TextInput type="time" label={t('form.startTime')} required value={v.startTime} onChange={(e) => set({ startTime: e.currentTarget.value })} error={form.error('schedule.startTime')} />
          <NumberInput label={t('form.duration')} min={15} max={480} step={15} value={v.durationMinutes} onChange={(value) => set({ durationMinutes: value })} error={form.error('schedule.durationMinutes')} />
        </Row>
        <Row grow align="flex-start">
          <TextInput type="date" label={t('form.startsOn')} required value={v.startsOn} onChange={(e) => set({ startsOn: e.currentTarget.value })} error={form.error('schedule.startsOn')} />
          <TextInput type="date" label={t('form.endsOn')} value={v.endsOn} onChange={(e) => set({ endsOn: e.currentTarget.value })} error={form.error('schedule.endsOn')} />
        </Row>
        {program && (
          <Text fz="sm" c="dimmed">
            {t('form.timeZoneNote', { timeZone: program.timeZone })}
          </Text>
        )}
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {group ? t('form.submitEdit') : t('form.submitNew')}
        </Button>
      </Stack>
    </form>
  );
}
