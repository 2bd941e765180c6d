import { Inject, Injectable, Logger } from '@nestjs/common';
import { Coordinator } from '../core/coordinator';
import type { ClientContext } from '../core/coordinator-types';
import type { Subscription } from '../core/change-feed';
import { ZkCode } from '../core/zk-code';
import { ConfigCenterService } from '../recipes/config/config-center.service';
import { DUBBO_ROOT } from '../protocol/recipes/recipe-paths';
import { hasCode } from '../recipes/common/znode-ops';
import { RegistryService } from '../recipes/registry/registry.service';
import type { Settings } from '../server/settings';
import { SETTINGS } from '../server/tokens';
import {
  DEFAULT_MESH_CONFIG,
  MESH_GROUP,
  MESH_NAMESPACE,
  meshConfigKey,
  parseMeshConfig,
  type MeshConfig,
} from './mesh-config';
import { serviceResources, type NamedResource } from './resources/service-resources';
import type { ServiceView } from './service-view';
import type { MeshConfigProblem } from './xds-client-info';
import { XdsSnapshot } from './xds-snapshot';

/** The xDS server reads as a client without a session. */
const CTX: ClientContext = { sessionId: 0n, remoteAddress: 'xds' };

/**
 * Keeps the xDS snapshot equal to the registry and the mesh configs: follows the change feed
 * under `/dubbo` and the mesh config group, gathers changed services for `xdsPushDelayMs`, and
 * rebuilds just those.
 */
@Injectable()
export class MeshSource {
  readonly snapshot = new XdsSnapshot();
  private readonly log = new Logger('MeshSource');
  private readonly dirty = new Set<string>();
  private readonly lastGood = new Map<string, MeshConfig>();
  private readonly problemOf = new Map<string, MeshConfigProblem>();
  private readonly meshDir: string;
  private subscriptions: Subscription[] = [];
  private timer: NodeJS.Timeout | undefined;
  private rebuilding: Promise<void> = Promise.resolve();

  constructor(
    private readonly zk: Coordinator,
    private readonly registry: RegistryService,
    private readonly config: ConfigCenterService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    this.meshDir = this.config.groupDir(MESH_NAMESPACE, MESH_GROUP);
  }

  get problems(): MeshConfigProblem[] {
    return [...this.problemOf.values()];
  }

  async start(): Promise<void> {
    this.subscriptions = [
      await this.zk.subscribe(CTX, DUBBO_ROOT, { recursive: true }, (e) =>
        this.touched(e.path, DUBBO_ROOT),
      ),
      await this.zk.subscribe(CTX, this.meshDir, { recursive: true }, (e) =>
        this.touched(e.path, this.meshDir),
      ),
    ];
    const [registered, configured] = await Promise.all([
      this.registry.services(CTX),
      this.config.list(CTX, MESH_NAMESPACE, MESH_GROUP).catch((err: unknown) => {
        if (hasCode(err, ZkCode.NoNode)) return [];
        throw err;
      }),
    ]);
    for (const s of [...registered, ...configured]) this.dirty.add(s);
    await this.rebuild();
  }

  async stop(): Promise<void> {
    for (const s of this.subscriptions) s.cancel();
    this.subscriptions = [];
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.rebuilding;
  }

  /** A change at `path` below `root`: its first name below the root is the service. */
  private touched(path: string, root: string): void {
    const service = path.slice(root.length + 1).split('/')[0];
    if (!service) return;
    this.dirty.add(service);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.rebuilding = this.rebuilding.then(() => this.rebuild());
    }, this.settings.xdsPushDelayMs);
  }

  private async rebuild(): Promise<void> {
    const services = [...this.dirty];
    this.dirty.clear();
    const updates = new Map<string, NamedResource[] | null>();
    await Promise.all(
      services.map(async (service) => {
        try {
          const view = await this.viewOf(service);
          updates.set(service, view && serviceResources(view));
        } catch (err) {
          this.log.warn(`xDS resources of ${service} not rebuilt: ${(err as Error).message}`);
        }
      }),
    );
    this.snapshot.apply(updates);
  }

  private async viewOf(service: string): Promise<ServiceView | null> {
    const [providers, mesh] = await Promise.all([
      this.registry.instances(CTX, service, 'providers').then(
        (r) => r.value,
        (err: unknown) => {
          if (hasCode(err, ZkCode.NoNode, ZkCode.BadArguments)) return null;
          throw err;
        },
      ),
      this.meshConfigOf(service),
    ]);
    if (providers === null && mesh === null) return null;
    return { service, providers: providers ?? [], mesh: mesh ?? DEFAULT_MESH_CONFIG };
  }

  /** The service's mesh config; one that does not parse leaves the last good one in force. */
  private async meshConfigOf(service: string): Promise<MeshConfig | null> {
    let entry;
    try {
      entry = await this.config.get(CTX, meshConfigKey(service));
    } catch (err) {
      if (!hasCode(err, ZkCode.NoNode, ZkCode.BadArguments)) throw err;
      this.lastGood.delete(service);
      this.problemOf.delete(service);
      return null;
    }
    const parsed = parseMeshConfig(entry.content);
    if ('config' in parsed) {
      this.lastGood.set(service, parsed.config);
      this.problemOf.delete(service);
      return parsed.config;
    }
    this.problemOf.set(service, {
      service,
      version: entry.version,
      problem: parsed.problem,
      at: Date.now(),
    });
    this.log.warn(`mesh config ${service} v${entry.version} not used: ${parsed.problem}`);
    return this.lastGood.get(service) ?? DEFAULT_MESH_CONFIG;
  }
}
