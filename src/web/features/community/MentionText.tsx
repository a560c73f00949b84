import { Text } from '@mantine/core';
import { Fragment } from 'react';
import type { Post } from '../../../shared/schemas/community.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A post's words with its mentions marked: "@name" stands out for the members the server linked
 * (never across a block), and stays plain text otherwise.
 */
export function MentionText({ body, mentions }: { body: string; mentions: Post['mentions'] }) {
  if (mentions.length === 0) return <Text style={{ whiteSpace: 'pre-wrap' }}>{body}</Text>;
  const names = [...mentions].sort((a, b) => b.communityName.length - a.communityName.length).map((m) => escape(m.communityName));
  const parts = body.split(new RegExp(`(@(?:${names.join('|')}))(?![\\p{L}\\p{N}])`, 'giu'));
  return (
    <Text style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Text key={i} span fw={700} c="pine.9" data-testid="community-mention">
            {part}
          </Text>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}
