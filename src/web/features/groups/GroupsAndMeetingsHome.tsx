import { SimpleGrid } from '@mantine/core';
import { MeetingsHomeTile } from '../meetings/MeetingsHomeTile.js';
import { GroupsHomeTile } from './GroupsHomeTile.js';

/** The two home tiles of this feature side by side: groups (as staff or participant) and meetings. */
export function GroupsAndMeetingsHome({ as }: { as: 'staff' | 'participant' | 'admin' }) {
  if (as === 'admin') return <MeetingsHomeTile admin />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <GroupsHomeTile as={as} />
      <MeetingsHomeTile />
    </SimpleGrid>
  );
}
