import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { pollForChange, type Versioned } from '../common/change-poll';
import { Deadline, type WaitOptions } from '../common/deadline';
import type { OneShotWatch } from '../common/one-shot-watch';
import { recipeName } from '../common/recipe-name';
import { DUBBO_ROOT } from '../../protocol/recipes/recipe-paths';
import { childrenOrEmpty, createWithParents, dataOrNull, hasCode } from '../common/znode-ops';
import {
  instanceUrl,
  nodeNameOf,
  stateOf,
  stateOfRegistration,
  type InstanceState,
  type Registration,
  type Side,
} from '../../protocol/recipes/service-instance';
import { instanceOf, type ServiceInstance } from './service-instance';

export interface InstanceUpdate {
  status?: string;
  weight?: number;
  /** Merged into the metadata; a key set to null is removed. */
  metadata?: Record<string, string | null>;
}

/**
 * The naming service, in Dubbo's layout: each instance is an ephemeral node
 * `/dubbo/{service}/{providers|consumers}/{URL-encoded URL}`, so it disappears when its
 * session ends, and Dubbo applications and Zoonest clients see one registry.
 */
@Injectable()
export class RegistryService {
  constructor(private readonly zk: Coordinator) {}

  serviceDir(service: string): string {
    return `${DUBBO_ROOT}/${recipeName(service, 'service')}`;
  }

  sideDir(service: string, side: Side): string {
    return `${this.serviceDir(service)}/${side}`;
  }

  async services(ctx: ClientContext): Promise<string[]> {
    return (await childrenOrEmpty(this.zk, ctx, DUBBO_ROOT)).children;
  }

  async register(
    ctx: ClientContext,
    service: string,
    side: Side,
    reg: Registration,
  ): Promise<ServiceInstance> {
    const id = recipeName(reg.id ?? randomUUID(), 'instance id');
    const state = stateOfRegistration(id, side, reg);
    const url = instanceUrl(service, side, state);
    if (await this.find(ctx, service, side, id)) {
      throw new ZkError(
        ZkCode.NodeExists,
        this.sideDir(service, side),
        `instance ${id} is registered already`,
      );
    }
    const path = childPath(this.sideDir(service, side), nodeNameOf(url));
    const created = await createWithParents(
      this.zk,
      ctx,
      path,
      Buffer.from(JSON.stringify(state)),
      { mode: 'ephemeral' },
      'persistent',
    );
    return instanceOf(
      service,
      side,
      nodeNameOf(url),
      Buffer.from(JSON.stringify(state)),
      created.stat,
    ) as ServiceInstance;
  }

  /** A worker's progress or an instance's status: its own session rewrites its node. */
  async update(
    ctx: ClientContext,
    service: string,
    side: Side,
    id: string,
    change: InstanceUpdate,
  ): Promise<ServiceInstance> {
    const found = await this.own(ctx, service, side, id);
    const metadata = { ...found.metadata };
    for (const [k, v] of Object.entries(change.metadata ?? {})) {
      if (v === null) delete metadata[k];
      else metadata[k] = v;
    }
    const state: InstanceState = {
      ...stateOf(found),
      weight: change.weight ?? found.weight,
      status: change.status ?? found.status,
      metadata,
    };
    const path = childPath(this.sideDir(service, side), found.node);
    const data = Buffer.from(JSON.stringify(state));
    const stat = await this.zk.setData(ctx, path, data, -1);
    return instanceOf(service, side, found.node, data, stat) as ServiceInstance;
  }

  async deregister(ctx: ClientContext, service: string, side: Side, id: string): Promise<void> {
    const found = await this.own(ctx, service, side, id);
    await this.zk.delete(ctx, childPath(this.sideDir(service, side), found.node), -1);
  }

  /**
   * The live instances; with `since` (a zxid from an earlier answer), a long poll that answers
   * when they change (join, leave, die or update). A service nobody ever registered is NoNode,
   * unless the caller waits for it.
   */
  async instances(
    ctx: ClientContext,
    service: string,
    side: Side,
    since?: number,
    opts: WaitOptions = {},
  ): Promise<Versioned<ServiceInstance[]>> {
    const dir = this.sideDir(service, side);
    if (since === undefined && !(await this.zk.exists(ctx, this.serviceDir(service)))) {
      throw new ZkError(
        ZkCode.NoNode,
        this.serviceDir(service),
        `no service named ${service} is registered`,
      );
    }
    return pollForChange(
      this.zk,
      ctx,
      (watch) => this.read(ctx, service, side, dir, watch),
      since,
      new Deadline(opts.timeoutMs),
      opts.signal,
    );
  }

  async find(
    ctx: ClientContext,
    service: string,
    side: Side,
    id: string,
  ): Promise<ServiceInstance | undefined> {
    const { value } = await this.read(ctx, service, side, this.sideDir(service, side));
    return value.find((i) => i.id === id);
  }

  private async own(
    ctx: ClientContext,
    service: string,
    side: Side,
    id: string,
  ): Promise<ServiceInstance> {
    const found = await this.find(ctx, service, side, id);
    if (!found) {
      throw new ZkError(
        ZkCode.NoNode,
        this.sideDir(service, side),
        `no instance ${id} of ${service} is registered`,
      );
    }
    if (found.sessionId !== ctx.sessionId.toString()) {
      throw new ZkError(
        ZkCode.NoAuth,
        this.sideDir(service, side),
        `instance ${id} belongs to another session`,
      );
    }
    return found;
  }

  private async read(
    ctx: ClientContext,
    service: string,
    side: Side,
    dir: string,
    watch?: OneShotWatch,
  ): Promise<Versioned<ServiceInstance[]>> {
    const { children, pzxid } = await childrenOrEmpty(this.zk, ctx, dir, watch?.on(dir));
    let zxid = pzxid;
    const found = await Promise.all(
      children.map(async (node) => {
        const path = childPath(dir, node);
        try {
          const n = await dataOrNull(this.zk, ctx, path, watch?.on(path));
          if (!n) return null;
          zxid = Math.max(zxid, n.stat.mzxid);
          return instanceOf(service, side, node, n.data, n.stat);
        } catch (err) {
          if (hasCode(err, ZkCode.NoAuth)) return null;
          throw err;
        }
      }),
    );
    const instances = found.filter((i): i is ServiceInstance => i !== null);
    instances.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { value: instances, zxid };
  }
}
