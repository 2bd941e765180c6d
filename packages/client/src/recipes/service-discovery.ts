import type { Watcher } from '../watched-event';
import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { childrenOrEmpty, createWithParents, watchLoop } from './recipe-support';
import {
  instanceOf,
  instanceUrl,
  nodeNameOf,
  stateOf,
  stateOfRegistration,
  type Registration as InstanceRegistration,
  type ServiceInstance,
  type Side,
} from '@zoonest/protocol/recipes/service-instance';
import { requireClient } from './arguments';

/** An instance to register, as a provider unless `side` says otherwise. */
export interface Registration extends InstanceRegistration {
  side?: Side;
}

const ROOT = '/dubbo';

/**
 * The naming service in Dubbo's layout (`/dubbo/{service}/providers/{URL-encoded URL}`,
 * ephemeral), shared with Dubbo applications and the server's registry module.
 */
export class ServiceDiscovery {
  private readonly mine = new Map<string, { path: string; instance: ServiceInstance }>();

  constructor(private readonly client: ZoonestClient) {
    requireClient('ServiceDiscovery', client);
  }

  async registerService(service: string, reg: Registration): Promise<ServiceInstance> {
    const side = reg.side ?? 'providers';
    const id = reg.id ?? globalThis.crypto.randomUUID();
    const state = stateOfRegistration(id, side, reg);
    const url = instanceUrl(service, side, state);
    const node = nodeNameOf(url);
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
    await this.client.setData(own.path, JSON.stringify(stateOf(next)));
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
    return watchLoop(
      async (watcher) => (await this.read(service, side, watcher)).instances,
      listener,
    );
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
        const instance = instanceOf(service, side, node, data, stat.ephemeralOwner);
        if (instance) instances.push(instance);
      } catch (err) {
        if (!isZoonestError(err, 'NoNode')) throw err;
      }
    }
    return { instances: instances.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
  }
}
