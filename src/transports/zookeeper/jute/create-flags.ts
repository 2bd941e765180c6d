import type { CreateMode } from '../../../core/znode';
import { JuteError } from './jute-error';

/** ZooKeeper's CreateMode flags, in flag order (CreateMode.fromFlag). */
const MODE_BY_FLAG: readonly CreateMode[] = [
  'persistent',
  'ephemeral',
  'persistent-sequential',
  'ephemeral-sequential',
  'container',
  'persistent-ttl',
  'persistent-sequential-ttl',
];

/** A create request's flags as a core CreateMode; an unknown flag is BadArguments. */
export function createModeOf(flags: number): CreateMode {
  const mode = MODE_BY_FLAG[flags];
  if (mode === undefined) throw JuteError.badArguments(`invalid create flags ${flags}`);
  return mode;
}

export function createFlagsOf(mode: CreateMode): number {
  return MODE_BY_FLAG.indexOf(mode);
}
