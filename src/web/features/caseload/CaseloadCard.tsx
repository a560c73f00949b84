import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseloadEntry } from '../../../shared/schemas/caseload.js';
import { useFormat } from '../../i18n/format.js';
import './caseload.css';
import { attentionBorder, attentionColor } from './severity.js';
import { TrendBars } from './TrendBars.js';
import { useFlagWords } from './useFlagWords.js';
import { useWhen } from './useWhen.js';

/** One person on the caseload: why they are flagged (in words, most serious first) and what is coming up. */
export function CaseloadCard({ entry }: { entry: CaseloadEntry }) {
  const { t } = useTranslation('caseload');
  const format = useFormat();
  const { day, dateOf } = useWhen(entry.timeZone);
  const words = useFlagWords(entry.timeZone);
  const p = entry.participant;
  const when = (iso: string | null) => (iso ? dateOf(iso) : t('card.never'));
  // Each reason says how serious it is only when the card holds more than one kind of serious.
  const mixed = new Set(entry.flags.map((f) => f.severity)).size > 1;
  const details: Array<[string, ReactNode]> = [
    [t('card.lastContact'), when(entry.lastContactAt)],
    [t('card.lastCheckIn'), when(entry.lastCheckInAt)],
    [
      t('card.trend'),
      entry.trend.moodAverage === null || entry.trend.cravingAverage === null ? (
        t('card.noTrend')
      ) : (
        <Group gap="xs" align="center">
          <TrendBars days={entry.trend.days} />
          <span>{t('card.trendText', { mood: format.number(entry.trend.moodAverage), craving: format.number(entry.trend.cravingAverage) })}</span>
        </Group>
      ),
    ],
  ];
  if (entry.goalsDue.length > 0) {
    details.push([
      t('card.goalsDue'),
      <Stack component="ul" className="record-list" gap={2} key="due">
        {entry.goalsDue.map((g) => (
          <li key={`${g.goalId}-${g.stepTitle ?? ''}-${g.dueOn}`}>
            {g.stepTitle ? t('card.goalStep', { step: g.stepTitle, goal: g.goalTitle }) : g.goalTitle}{' '}
            <Text span c={g.overdue ? 'clay.7' : 'dimmed'} fz="sm">
              {g.overdue ? t('card.overdue', { date: day(g.dueOn) }) : t('card.dueOn', { date: day(g.dueOn) })}
            </Text>
          </li>
        ))}
      </Stack>,
    ]);
  }
  const m = entry.nextMilestone;
  if (m) {
    const what = m.kind === 'custom' ? (m.label ?? '') : t(`card.milestoneUnit.${m.unit!}`, { count: m.amount ?? 0 });
    details.push([t('card.nextMilestone'), t('card.milestoneOn', { what, date: day(m.date) })]);
  }

  return (
    <Paper component="li" withBorder p="md" bg="white" style={attentionBorder(entry.attention)} data-testid="caseload-card" data-attention={entry.attention}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={6} align="baseline">
              <Anchor component={Link} to={`/participants/${p.id}`} fw={650} fz="lg">
                {p.preferredName}
              </Anchor>
              {p.pronouns && (
                <Text c="dimmed" fz="sm">
                  ({p.pronouns})
                </Text>
              )}
            </Group>
            <Text fz="sm" c="dimmed">
              {p.programName}
            </Text>
          </Stack>
          <Badge color={attentionColor[entry.attention]} variant={entry.attention === 'urgent' ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
            {t(`attention.${entry.attention}`)}
          </Badge>
        </Group>
        {entry.flags.length > 0 && (
          <Stack component="ul" className="caseload-flags" gap={4} aria-label={t('flagsLabel', { name: p.preferredName })} data-testid="caseload-flags">
            {entry.flags.map((f) => (
              <Text component="li" key={`${f.kind}-${f.alertId ?? ''}`} fw={f.severity === 'urgent' ? 650 : 500}>
                {mixed && (
                  <>
                    <Text span fw={700} c={`${attentionColor[f.severity]}.8`}>
                      {t(`attention.${f.severity}`)}:
                    </Text>{' '}
                  </>
                )}
                {words(f)}
              </Text>
            ))}
          </Stack>
        )}
        <dl className="details caseload-details">
          {details.map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Stack>
    </Paper>
  );
}

/** Someone with nothing flagged: one line, so the people who need attention stay in view. */
export function QuietRow({ entry }: { entry: CaseloadEntry }) {
  const { t } = useTranslation('caseload');
  const { dateOf } = useWhen(entry.timeZone);
  const when = (iso: string | null) => (iso ? dateOf(iso) : t('card.never'));
  return (
    <Paper component="li" withBorder px="md" py="xs" bg="white" data-testid="caseload-card" data-attention="none">
      <Group justify="space-between" gap="xs">
        <Group gap={6} align="baseline">
          <Anchor component={Link} to={`/participants/${entry.participant.id}`} fw={600}>
            {entry.participant.preferredName}
          </Anchor>
          {entry.participant.pronouns && (
            <Text c="dimmed" fz="sm">
              ({entry.participant.pronouns})
            </Text>
          )}
        </Group>
        <Text fz="sm" c="dimmed">
          {t('card.lastContact')}: {when(entry.lastContactAt)} · {t('card.lastCheckIn')}: {when(entry.lastCheckInAt)}
        </Text>
      </Group>
    </Paper>
  );
}
