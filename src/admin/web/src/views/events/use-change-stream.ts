import { useEffect, useState } from 'react';
import type { ChangeJson } from '../../api/types';
import { useLiveFeed } from '../../live/live-context';

const KEEP = 500;
const HISTORY = 200;

/** The newest changes under a prefix: the last transactions from the log, then live ones. */
export function useChangeStream(prefix: string, paused: boolean) {
  const feed = useLiveFeed();
  const [events, setEvents] = useState<ChangeJson[]>([]);
  const [dropped, setDropped] = useState(0);
  useEffect(() => {
    if (paused) return;
    const stop = feed.follow(prefix, HISTORY, (batch, lost) => {
      setEvents((old) => [...batch.slice().reverse(), ...old].slice(0, KEEP));
      if (lost > 0) setDropped((n) => n + lost);
    });
    return () => {
      stop();
      setEvents([]);
      setDropped(0);
    };
  }, [feed, prefix, paused]);
  return { events, dropped };
}
