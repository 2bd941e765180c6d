import { formatDubboUrl, javaUrlDecode, javaUrlEncode, parseDubboUrl } from './dubbo-url';

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

export interface Registration {
  id?: string;
  host: string;
  port: number;
  protocol?: string;
  weight?: number;
  status?: string;
  metadata?: Record<string, string>;
}

export interface ServiceInstance extends InstanceState {
  service: string;
  side: Side;
  url: string;
  node: string;
  sessionId: string;
}

export const DEFAULT_WEIGHT = 100;
export const ID_PARAM = 'zoonest.id';

export function stateOfRegistration(id: string, side: Side, reg: Registration): InstanceState {
  return {
    id,
    host: reg.host,
    port: reg.port,
    protocol: reg.protocol ?? (side === 'consumers' ? 'consumer' : 'dubbo'),
    weight: reg.weight ?? DEFAULT_WEIGHT,
    status: reg.status ?? 'UP',
    metadata: reg.metadata ?? {},
  };
}

/** Just the fields an instance's node keeps. */
export function stateOf(i: InstanceState): InstanceState {
  const { id, host, port, protocol, weight, status, metadata } = i;
  return { id, host, port, protocol, weight, status, metadata };
}

/** The URL Dubbo would register for the instance; its node name is this URL, URL-encoded. */
export function instanceUrl(service: string, side: Side, state: InstanceState): string {
  return formatDubboUrl({
    protocol: state.protocol,
    host: state.host,
    port: state.port,
    path: service,
    params: {
      interface: service,
      side: side === 'providers' ? 'provider' : 'consumer',
      category: side,
      weight: String(state.weight),
      [ID_PARAM]: state.id,
    },
  });
}

export function nodeNameOf(url: string): string {
  return javaUrlEncode(url);
}

/**
 * An instance from its node: the JSON Zoonest writes, or, for a node Dubbo wrote (its data is
 * an address or nothing), what its URL says. `sessionId` is the node's ephemeral owner.
 */
export function instanceOf(
  service: string,
  side: Side,
  node: string,
  data: Uint8Array,
  sessionId: string,
): ServiceInstance | null {
  let url: string;
  try {
    url = javaUrlDecode(node);
  } catch {
    return null;
  }
  const parsed = parseDubboUrl(url);
  if (!parsed) return null;
  const base = { service, side, url, node, sessionId };
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

function stateFromJson(data: Uint8Array): InstanceState | null {
  if (data.length === 0 || data[0] !== 0x7b) return null;
  try {
    const v = JSON.parse(new TextDecoder().decode(data)) as Partial<InstanceState>;
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
