import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Message, ReadReceipt, Thread } from '../../../shared/schemas/messaging.js';

/**
 * Sends a read receipt once the newest message is on screen in a visible tab: not when the
 * conversation merely sits in a background tab. Returns the ref for the end of the list.
 */
export function useMarkReadWhenSeen({
  thread,
  messages,
  me,
  root,
  markRead,
}: {
  thread: Thread;
  messages: readonly Message[];
  me: string;
  root: RefObject<HTMLElement | null>;
  markRead: (upTo: string) => Promise<ReadReceipt>;
}) {
  const end = useRef<HTMLDivElement>(null);
  const [endInView, setEndInView] = useState(false);
  const [tabVisible, setTabVisible] = useState(() => document.visibilityState === 'visible');
  const sentFor = useRef<string | null>(null);

  useEffect(() => {
    const onChange = () => setTabVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  useEffect(() => {
    const target = end.current;
    if (!target) return;
    const observer = new IntersectionObserver(([entry]) => setEndInView(entry?.isIntersecting ?? false), { root: root.current });
    observer.observe(target);
    return () => observer.disconnect();
  });

  const newest = messages.at(-1);
  const myReadAt = thread.members.find((m) => m.userId === me)?.lastReadAt ?? null;
  const unread = newest !== undefined && newest.senderId !== me && (myReadAt === null || Date.parse(newest.createdAt) > Date.parse(myReadAt));
  useEffect(() => {
    if (!unread || !endInView || !tabVisible || !newest || sentFor.current === newest.id) return;
    sentFor.current = newest.id;
    markRead(newest.id).catch(() => {
      sentFor.current = null;
    });
  }, [unread, endInView, tabVisible, newest, markRead]);

  return end;
}
