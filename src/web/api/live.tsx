import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSession } from './session.js';

/** An event the server pushes to every open tab of the signed-in user (see /api/ws). */
export interface LiveEvent {
  type: string;
  [key: string]: unknown;
}

type Listener = (event: LiveEvent) => void;

interface LiveConnection {
  subscribe(listener: Listener): () => void;
  /** True while the socket is open; the UI says so when live updates pause. */
  connected: boolean;
}

const LiveContext = createContext<LiveConnection | null>(null);

const MAX_BACKOFF_MS = 30_000;

/**
 * One WebSocket per tab while someone is signed in. It reconnects with backoff after a drop and,
 * on reconnecting, tells listeners with a `live.reconnected` event so they can refetch what they
 * may have missed.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const userId = session.data?.user?.id ?? null;
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!userId) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const emit = (event: LiveEvent) => listeners.current.forEach((l) => l(event));

    const open = () => {
      const url = new URL('/api/ws', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(url);
      socket.onopen = () => {
        if (attempts > 0) emit({ type: 'live.reconnected' });
        attempts = 0;
        setConnected(true);
      };
      socket.onmessage = (message) => {
        try {
          emit(JSON.parse(String(message.data)) as LiveEvent);
        } catch {
          // Not ours to understand; ignore.
        }
      };
      socket.onclose = (close) => {
        setConnected(false);
        // 4401: this session signed out; the session query will notice.
        if (stopped || close.code === 4401) return;
        attempts += 1;
        timer = setTimeout(open, Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts));
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
      setConnected(false);
    };
  }, [userId]);

  const value = useMemo<LiveConnection>(
    () => ({
      connected,
      subscribe(listener) {
        listeners.current.add(listener);
        return () => void listeners.current.delete(listener);
      },
    }),
    [connected],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Calls handler for every live event of the given types (and `live.reconnected`, when asked). */
export function useLiveEvent(types: readonly string[], handler: Listener): void {
  const live = useContext(LiveContext);
  const latest = useRef(handler);
  latest.current = handler;
  const key = types.join('|');
  useEffect(() => {
    if (!live) return;
    const wanted = new Set(key.split('|'));
    return live.subscribe((event) => {
      if (wanted.has(event.type)) latest.current(event);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, key]);
}

/** Whether live updates are flowing right now. */
export function useLiveConnected(): boolean {
  return useContext(LiveContext)?.connected ?? false;
}
