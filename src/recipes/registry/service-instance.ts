import type { Stat } from '../../core/stat';
import { instanceOf as instanceOfNode, type Side } from '../../protocol/recipes/service-instance';
import type { ServiceInstance } from '../common/recipe-states';

export type { ServiceInstance };

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
