import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.js';
import { useCommunityMe, useGroupRooms } from './api.js';
import { NewRoomForm } from './NewRoomForm.js';
import { RoomList } from './RoomList.js';

/** On a group's page: the live rooms linked to it, joinable from its schedule; its peer workers may open one. */
export function GroupRooms({ groupId, staff }: { groupId: string; staff: boolean }) {
  const { t } = useTranslation('community');
  const rooms = useGroupRooms(groupId);
  const me = useCommunityMe();
  const list = rooms.data?.rooms ?? [];
  return (
    <Section title={t('roomsMore.forGroup')} testId="group-rooms">
      {list.length === 0 ? <Text>{t('roomsMore.groupNone')}</Text> : <RoomList rooms={list} joinLabel />}
      {staff && me.data?.peerWorker && me.data.member && <NewRoomForm groupId={groupId} />}
    </Section>
  );
}
