import type { Stat } from '../../core/stat';
import {
  instanceOf as instanceOfNode,
  type ServiceInstance as NodeInstance,
  type Side,
} from '../../sdk/recipes/service-instance';

/** An instance as the registry answers it: what its node says, and when the node was written. */
export interface ServiceInstance extends NodeInstance {
  registeredAt: number;
  updatedAt: number;
}

export function instanceOf(
  service: string,
  side: Side,
  node: string,
  data: Buffer,
  stat: Stat,
): ServiceInstance | null {
  const instance = instanceOfNode(service, side, node, data, stat.ephemeralOwner.toString());
  return instance && { ...instance, registeredAt: stat.ctime, updatedAt: stat.mtime };
}
