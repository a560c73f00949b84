import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Room } from '../../../shared/schemas/community.js';

/** Rooms open now and coming up, soonest first, each with its time, host and how many are here. */
export function RoomList({ rooms, joinLabel = false }: { rooms: Room[]; joinLabel?: boolean }) {
  const { t, i18n } = useTranslation('community');
  const now = Date.now();
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="community-room-list">
      {rooms.map((r) => {
        const later = new Date(r.startsAt).getTime() > now;
        return (
          <Group component="li" key={r.id} gap="sm">
            <Anchor component={Link} to={`/community/rooms/${r.id}`} fw={650}>
              {joinLabel ? t('roomsMore.join', { topic: r.topic }) : r.topic}
            </Anchor>
            <Badge variant="light" color={later ? 'sand' : 'pine'}>
              {later ? t('roomsMore.scheduled', { date: new Date(r.startsAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) }) : t('roomsMore.live')}
            </Badge>
            <Text fz="sm">{t('rooms.hostedBy', { name: r.host.communityName, count: r.present.length })}</Text>
          </Group>
        );
      })}
    </Stack>
  );
}
