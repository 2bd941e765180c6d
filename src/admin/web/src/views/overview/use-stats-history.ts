import { useEffect, useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { StatsSample } from '../../api/types';

const POLL_MS = 2000;
/** Ten minutes of one-second samples, as the server keeps them. */
const KEEP = 600;

/** The server's one-second samples, kept up to date every two seconds. */
export function useStatsHistory(): StatsSample[] {
  const [samples, setSamples] = useState<StatsSample[]>([]);
  useEffect(() => {
    let last: number | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const fresh = await adminApi.stats(last);
        if (stopped || fresh.length === 0) return;
        last = fresh[fresh.length - 1]?.at ?? last;
        setSamples((old) => [...old, ...fresh].slice(-KEEP));
      } catch {
        // offline for a moment: the next poll catches up
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return samples;
}
