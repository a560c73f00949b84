import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.js';
import { useLiveEvent } from '../../api/live.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useCommunityActions, useRoom } from './api.js';

interface Said {
  id: string;
  author: { communityName: string };
  body: string;
}

/** A live, peer-led room: the rules on entry, who is here, messages as they come, host controls. */
export function RoomPage() {
  const { t } = useTranslation('community');
  const { id = '' } = useParams();
  const room = useRoom(id);
  const actions = useCommunityActions();
  const qc = useQueryClient();
  const [messages, setMessages] = useState<Said[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useLiveEvent(['community.room.message', 'community.room.presence', 'community.room.control'], (event) => {
    if (event.roomId !== id) return;
    if (event.type === 'community.room.message') setMessages((m) => [...m, event.message as Said]);
    else void qc.invalidateQueries({ queryKey: ['community', 'room', id] });
  });
  if (room.isPending) return <Loading />;
  if (room.isError) return <LoadError error={room.error} />;
  const r = room.data;
  return (
    <Stack gap="lg">
      <PageTitle>{r.topic}</PageTitle>
      <Alert color="pine" title={t('room.rules')} data-testid="room-rules">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{r.rules}</Text>
      </Alert>
      {r.ended && <Alert color="gray">{t('room.ended')}</Alert>}
      {!r.joined && !r.ended && (
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => void actions.joinRoom(id).catch((err: unknown) => setError(isApiError(err) ? err.message : String(err)))}>
          {t('room.join')}
        </Button>
      )}
      <Section title={t('room.present', { count: r.present.length })} testId="room-present">
        {r.present.map((p) => (
          <Group key={p.id} gap="xs">
            <Text>{p.communityName}</Text>
            {p.id === r.host.id && <Badge variant="light">{t('room.host')}</Badge>}
            {p.muted && <Badge color="gray">{t('room.muted')}</Badge>}
            {r.isHost && p.id !== r.host.id && (
              <>
                <Button size="xs" variant="light" onClick={() => void actions.control(id, p.muted ? 'unmute' : 'mute', p.id)}>
                  {p.muted ? t('room.unmute', { name: p.communityName }) : t('room.mute', { name: p.communityName })}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => void actions.control(id, 'remove', p.id)}>
                  {t('room.remove', { name: p.communityName })}
                </Button>
              </>
            )}
          </Group>
        ))}
        {r.isHost && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => void actions.control(id, r.locked ? 'unlock' : 'lock')}>
              {r.locked ? t('room.unlock') : t('room.lock')}
            </Button>
            <Button size="xs" color="red" variant="light" onClick={() => void actions.control(id, 'end')}>
              {t('room.end')}
            </Button>
          </Group>
        )}
      </Section>
      <Section title={t('room.messages')} testId="room-messages">
        <Stack gap={4} aria-live="polite">
          {messages.map((m) => (
            <Paper key={m.id} p="xs" withBorder>
              <Text fz="sm">
                <b>{m.author.communityName}</b>: {m.body}
              </Text>
            </Paper>
          ))}
        </Stack>
        {r.mutedMe && <Alert color="gray" data-testid="room-muted-me">{t('room.mutedMe')}</Alert>}
        {error && <Alert color="red">{error}</Alert>}
        {r.joined && !r.ended && !r.mutedMe && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              actions
                .say(id, text)
                .then((res) => {
                  if (res.held) setError(t('room.held'));
                  setText('');
                })
                .catch((err: unknown) => setError(isApiError(err) ? err.message : String(err)));
            }}
          >
            <Group align="flex-end">
              <TextInput label={t('room.say')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} required />
              <Button type="submit">{t('room.send')}</Button>
            </Group>
          </form>
        )}
      </Section>
    </Stack>
  );
}
