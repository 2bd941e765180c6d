import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'blue' | 'green' | 'amber' | 'red' | 'violet';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

const TRANSPORT_TONES: Record<string, Tone> = {
  rest: 'blue',
  socketio: 'violet',
  zookeeper: 'amber',
};

export function TransportBadge({ transport }: { transport: string }) {
  return <Badge tone={TRANSPORT_TONES[transport] ?? 'neutral'}>{transport || 'unknown'}</Badge>;
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <Badge tone={outcome === 'Ok' ? 'green' : 'red'}>{outcome}</Badge>;
}
