import { Anchor, Checkbox, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Task } from '../../../shared/schemas/tasks.js';
import { DialogButton } from '../../components/DialogButton.js';
import { Section } from '../../components/Section.js';
import { EmptyState, FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useWhen } from '../caseload/useWhen.js';
import { useTaskActions, useTasks, type TaskView } from './api.js';
import { NewTaskForm } from './NewTaskForm.js';

const views: TaskView[] = ['today', 'upcoming', 'done'];

/** My follow-ups: today's (with overdue and undated ones) first; one tap ticks a task off. */
export function TaskList() {
  const { t } = useTranslation('tasks');
  const [view, setView] = useState<TaskView>('today');
  const [notice, setNotice] = useState<string | null>(null);
  const list = useTasks(view);
  const add = (
    <DialogButton label={t('add')} title={t('add')} button={{ size: 'sm', variant: 'light' }}>
      {(close) => (
        <NewTaskForm
          onDone={() => {
            close();
            setNotice(t('form.added'));
          }}
        />
      )}
    </DialogButton>
  );
  return (
    <Section title={t('title')} testId="tasks" actions={add}>
      <SegmentedControl
        aria-label={t('viewLabel')}
        value={view}
        onChange={(v) => setView(v as TaskView)}
        data={views.map((v) => ({ value: v, label: t(`view.${v}`) }))}
        fullWidth
      />
      {notice && <Notice>{notice}</Notice>}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.tasks.length === 0 ? (
        <EmptyState>{t(`empty.${view}`)}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm" aria-label={t('listLabel', { view: t(`view.${view}`) })}>
          {list.data.tasks.map((task) => (
            <TaskRow key={task.id} task={task} timeZone={list.data.timeZone} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function TaskRow({ task, timeZone }: { task: Task; timeZone: string }) {
  const { t } = useTranslation('tasks');
  const { day } = useWhen(timeZone);
  const { update } = useTaskActions();
  const tick = useMutation({ mutationFn: () => update(task.id, { done: task.doneAt === null }) });
  // The tick shows at once; the list settles to what the server answered.
  const done = tick.isPending ? task.doneAt === null : task.doneAt !== null;
  const due = task.dueOn ? (task.overdue ? t('overdue', { date: day(task.dueOn) }) : t('due', { date: day(task.dueOn) })) : t('noDate');
  return (
    <li data-testid="task">
      <Checkbox
        size="md"
        checked={done}
        onChange={() => !tick.isPending && tick.mutate()}
        aria-label={t('doneLabel', { title: task.title })}
        label={<span style={done ? { textDecoration: 'line-through' } : undefined}>{task.title}</span>}
        description={
          <Text span fz="sm" c={task.overdue && !done ? 'clay.7' : 'dimmed'}>
            {due}
            {task.participant && (
              <>
                {' · '}
                <Anchor component={Link} to={`/participants/${task.participant.id}`} fz="sm">
                  {t('about', { name: task.participant.preferredName })}
                </Anchor>
              </>
            )}
          </Text>
        }
        styles={{ body: { alignItems: 'flex-start' } }}
      />
      {tick.isError && <FormError message={describeError(tick.error)} />}
    </li>
  );
}
