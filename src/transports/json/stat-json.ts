import type { Stat } from '../../core/stat';
import type { StatJson } from '../../protocol/wire/stat-json';

export function statToJson(stat: Stat): StatJson {
  return { ...stat, ephemeralOwner: stat.ephemeralOwner.toString() };
}
