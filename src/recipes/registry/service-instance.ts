import type { Stat } from '../../core/stat';
import { parseDubboUrl, urlOfNodeName } from './dubbo-url';

export type Side = 'providers' | 'consumers';

/** What an instance says about itself: kept as JSON in its node, updated by its own session. */
export interface InstanceState {
  id: string;
  host: string;
  port: number;
  protocol: string;
  weight: number;
  status: string;
  metadata: Record<string, string>;
}

export interface ServiceInstance extends InstanceState {
  service: string;
  side: Side;
  url: string;
  node: string;
  sessionId: string;
  registeredAt: number;
  updatedAt: number;
}

export const DEFAULT_WEIGHT = 100;
export const ID_PARAM = 'zoonest.id';

/**
 * An instance from its node: the JSON Zoonest writes, or, for a node Dubbo wrote (its data is
 * an address or nothing), what its URL says.
 */
export function instanceOf(
  service: string,
  side: Side,
  node: string,
  data: Buffer,
  stat: Stat,
): ServiceInstance | null {
  let url: string;
  try {
    url = urlOfNodeName(node);
  } catch {
    return null;
  }
  const parsed = parseDubboUrl(url);
  if (!parsed) return null;
  const base = {
    service,
    side,
    url,
    node,
    sessionId: stat.ephemeralOwner.toString(),
    registeredAt: stat.ctime,
    updatedAt: stat.mtime,
  };
  const own = stateFromJson(data);
  if (own) return { ...own, ...base };
  const weight = Number(parsed.params.weight ?? DEFAULT_WEIGHT);
  return {
    ...base,
    id: parsed.params[ID_PARAM] ?? node,
    host: parsed.host,
    port: parsed.port,
    protocol: parsed.protocol,
    weight: Number.isFinite(weight) && weight >= 0 ? weight : DEFAULT_WEIGHT,
    status: parsed.params.disabled === 'true' ? 'DOWN' : 'UP',
    metadata: parsed.params,
  };
}

function stateFromJson(data: Buffer): InstanceState | null {
  if (data.length === 0 || data[0] !== 0x7b) return null;
  try {
    const v = JSON.parse(data.toString('utf8')) as Partial<InstanceState>;
    if (typeof v.id !== 'string' || typeof v.host !== 'string' || typeof v.port !== 'number')
      return null;
    return {
      id: v.id,
      host: v.host,
      port: v.port,
      protocol: typeof v.protocol === 'string' ? v.protocol : 'dubbo',
      weight: typeof v.weight === 'number' ? v.weight : DEFAULT_WEIGHT,
      status: typeof v.status === 'string' ? v.status : 'UP',
      metadata: typeof v.metadata === 'object' && v.metadata !== null ? v.metadata : {},
    };
  } catch {
    return null;
  }
}
