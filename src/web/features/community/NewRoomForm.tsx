import { Button, Checkbox, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useCommunityActions } from './api.js';

/** A peer worker opens a room now or schedules one: topic, rules, time, capacity; optionally for a group. */
export function NewRoomForm({ groupId }: { groupId?: string }) {
  const { t } = useTranslation('community');
  const actions = useCommunityActions();
  const navigate = useNavigate();
  const [topic, setTopic] = useState('');
  const [rules, setRules] = useState('');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [startsAt, setStartsAt] = useState('');
  const [capacity, setCapacity] = useState<number>(20);
  const [keepTranscript, setKeepTranscript] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      data-testid="community-new-room"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const later = when === 'later' && startsAt ? { startsAt: new Date(startsAt).toISOString() } : {};
        actions.createRoom({ topic, rules, capacity, keepTranscript, ...later, ...(groupId ? { groupId } : {}) }).then(
          (room) => {
            if (when === 'now') return navigate(`/community/rooms/${room.id}`);
            setTopic('');
            setRules('');
            setStartsAt('');
          },
          (err: unknown) => setError(describeError(err)),
        );
      }}
    >
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput label={t('rooms.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} required />
          <TextInput label={t('rooms.rules')} value={rules} onChange={(e) => setRules(e.currentTarget.value)} required />
          <NumberInput label={t('roomsMore.capacity')} value={capacity} onChange={(v) => setCapacity(typeof v === 'number' ? v : 20)} min={2} max={100} w={140} />
        </Group>
        <Group align="flex-end">
          <Stack gap={4}>
            <Text fw={500} fz="sm" id={`room-when-${groupId ?? 'any'}`}>
              {t('roomsMore.when')}
            </Text>
            <SegmentedControl
              aria-labelledby={`room-when-${groupId ?? 'any'}`}
              value={when}
              onChange={(v) => setWhen(v === 'later' ? 'later' : 'now')}
              data={[
                { value: 'now', label: t('roomsMore.now') },
                { value: 'later', label: t('roomsMore.later') },
              ]}
            />
          </Stack>
          {when === 'later' && <TextInput type="datetime-local" label={t('roomsMore.startsAt')} value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} required />}
        </Group>
        <Checkbox label={t('roomsMore.keepTranscript')} checked={keepTranscript} onChange={(e) => setKeepTranscript(e.currentTarget.checked)} />
        <FormError message={error} />
        <Button type="submit" style={{ alignSelf: 'flex-start' }}>
          {groupId ? t('roomsMore.openForGroup') : t('rooms.open')}
        </Button>
      </Stack>
    </form>
  );
}
