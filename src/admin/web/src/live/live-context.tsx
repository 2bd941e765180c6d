import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { LiveFeed, type FeedStatus } from './live-feed';
import { staleQueries } from './invalidation';

const LiveContext = createContext<LiveFeed | undefined>(undefined);

/** One live connection for the logged-in dashboard; every cached view reloads what changed. */
export function LiveProvider({
  onRefused,
  children,
}: {
  onRefused: () => void;
  children: ReactNode;
}) {
  const [feed] = useState(() => new LiveFeed(onRefused));
  const client = useQueryClient();

  useEffect(() => {
    feed.open();
    return () => feed.close();
  }, [feed]);

  useEffect(
    () =>
      feed.follow('/', 0, (events, dropped) => {
        if (dropped > 0) {
          void client.invalidateQueries();
          return;
        }
        for (const queryKey of staleQueries(events)) void client.invalidateQueries({ queryKey });
      }),
    [feed, client],
  );

  return <LiveContext.Provider value={feed}>{children}</LiveContext.Provider>;
}

export function useLiveFeed(): LiveFeed {
  const feed = useContext(LiveContext);
  if (!feed) throw new Error('useLiveFeed outside LiveProvider');
  return feed;
}

export function useFeedStatus(): FeedStatus {
  const feed = useLiveFeed();
  const [status, setStatus] = useState(feed.status);
  useEffect(() => feed.onStatus(setStatus), [feed]);
  return status;
}
