import type { Stat } from '../stat';
import type { Watcher } from '../watched-event';
import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { formatDubboUrl, javaUrlDecode, javaUrlEncode, parseDubboUrl } from './dubbo-url';
import { childrenOrEmpty, createWithParents, oneShot, utf8 } from './recipe-support';

export type Side = 'providers' | 'consumers';

export interface ServiceInstance {
  id: string;
  service: string;
  side: Side;
  host: string;
  port: number;
  protocol: string;
  weight: number;
  status: string;
  metadata: Record<string, string>;
  url: string;
  node: string;
  sessionId: string;
}

export interface Registration {
  id?: string;
  host: string;
  port: number;
  protocol?: string;
  weight?: number;
  status?: string;
  metadata?: Record<string, string>;
  side?: Side;
}

const ROOT = '/dubbo';
const ID_PARAM = 'zoonest.id';

/**
 * The naming service in Dubbo's layout (`/dubbo/{service}/providers/{URL-encoded URL}`,
 * ephemeral), shared with Dubbo applications and the server's registry module.
 */
export class ServiceDiscovery {
  private readonly mine = new Map<string, { path: string; instance: ServiceInstance }>();

  constructor(private readonly client: ZoonestClient) {}

  async registerService(service: string, reg: Registration): Promise<ServiceInstance> {
    const side = reg.side ?? 'providers';
    const id = reg.id ?? globalThis.crypto.randomUUID();
    const state = {
      id,
      host: reg.host,
      port: reg.port,
      protocol: reg.protocol ?? (side === 'consumers' ? 'consumer' : 'dubbo'),
      weight: reg.weight ?? 100,
      status: reg.status ?? 'UP',
      metadata: reg.metadata ?? {},
    };
    const url = formatDubboUrl({
      protocol: state.protocol,
      host: state.host,
      port: state.port,
      path: service,
      params: {
        interface: service,
        side: side === 'providers' ? 'provider' : 'consumer',
        category: side,
        weight: String(state.weight),
        [ID_PARAM]: id,
      },
    });
    const node = javaUrlEncode(url);
    const path = `${ROOT}/${service}/${side}/${node}`;
    await createWithParents(this.client, path, JSON.stringify(state), 'ephemeral', 'persistent');
    const instance: ServiceInstance = {
      ...state,
      service,
      side,
      url,
      node,
      sessionId: this.client.sessionId ?? '',
    };
    this.mine.set(`${service}/${side}/${id}`, { path, instance });
    return instance;
  }

  /** Updates an own instance's status, weight or metadata (a worker's progress, say). */
  async updateService(
    service: string,
    id: string,
    change: { status?: string; weight?: number; metadata?: Record<string, string> },
    side: Side = 'providers',
  ): Promise<ServiceInstance> {
    const own = this.mine.get(`${service}/${side}/${id}`);
    if (!own)
      throw new Error(`instance ${id} of ${service} was not registered by this ServiceDiscovery`);
    const i = own.instance;
    const next: ServiceInstance = {
      ...i,
      status: change.status ?? i.status,
      weight: change.weight ?? i.weight,
      metadata: { ...i.metadata, ...change.metadata },
    };
    const { id: _id, host, port, protocol, weight, status, metadata } = next;
    await this.client.setData(
      own.path,
      JSON.stringify({ id: i.id, host, port, protocol, weight, status, metadata }),
    );
    own.instance = next;
    return next;
  }

  async unregisterService(service: string, id: string, side: Side = 'providers'): Promise<void> {
    const own = this.mine.get(`${service}/${side}/${id}`);
    if (!own) return;
    this.mine.delete(`${service}/${side}/${id}`);
    await this.client.delete(own.path).catch((err: unknown) => {
      if (!isZoonestError(err, 'NoNode')) throw err;
    });
  }

  async queryForNames(): Promise<string[]> {
    return childrenOrEmpty(this.client, ROOT);
  }

  async queryForInstances(service: string, side: Side = 'providers'): Promise<ServiceInstance[]> {
    return (await this.read(service, side)).instances;
  }

  /**
   * Calls `listener` with the live instances now and after every change (join, leave, death,
   * update) until the returned function is called.
   */
  watch(
    service: string,
    listener: (instances: ServiceInstance[]) => void,
    side: Side = 'providers',
  ): () => void {
    let stopped = false;
    void (async () => {
      while (!stopped) {
        try {
          const { watcher, fired } = oneShot();
          const { instances } = await this.read(service, side, watcher);
          if (!stopped) listener(instances);
          await fired;
        } catch {
          await new Promise((r) => setTimeout(r, 500)); // disconnected: try again
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }

  private async read(
    service: string,
    side: Side,
    w?: Watcher,
  ): Promise<{ instances: ServiceInstance[] }> {
    const dir = `${ROOT}/${service}/${side}`;
    const nodes = await childrenOrEmpty(this.client, dir, w);
    const instances: ServiceInstance[] = [];
    for (const node of nodes) {
      try {
        const { data, stat } = await this.client.getData(`${dir}/${node}`, w ? { watch: w } : {});
        const instance = instanceOf(service, side, node, data, stat);
        if (instance) instances.push(instance);
      } catch (err) {
        if (!isZoonestError(err, 'NoNode')) throw err;
      }
    }
    return { instances: instances.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
  }
}

function instanceOf(
  service: string,
  side: Side,
  node: string,
  data: Uint8Array,
  stat: Stat,
): ServiceInstance | null {
  let url: string;
  try {
    url = javaUrlDecode(node);
  } catch {
    return null;
  }
  const parsed = parseDubboUrl(url);
  if (!parsed) return null;
  const base = { service, side, url, node, sessionId: stat.ephemeralOwner };
  try {
    const v = JSON.parse(utf8.decode(data)) as Partial<ServiceInstance>;
    if (typeof v.id === 'string' && typeof v.host === 'string' && typeof v.port === 'number') {
      return {
        ...base,
        id: v.id,
        host: v.host,
        port: v.port,
        protocol: v.protocol ?? parsed.protocol,
        weight: v.weight ?? 100,
        status: v.status ?? 'UP',
        metadata: v.metadata ?? {},
      };
    }
  } catch {
    // Dubbo's own data: an address or nothing; the URL says it all.
  }
  const weight = Number(parsed.params.weight ?? 100);
  return {
    ...base,
    id: parsed.params[ID_PARAM] ?? node,
    host: parsed.host,
    port: parsed.port,
    protocol: parsed.protocol,
    weight: Number.isFinite(weight) ? weight : 100,
    status: parsed.params.disabled === 'true' ? 'DOWN' : 'UP',
    metadata: parsed.params,
  };
}
