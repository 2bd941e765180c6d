import type { ConfigFormat } from './config-format';

/** One published version, kept under config-history (content included, for rollback and diff). */
export interface HistoryEntry {
  version: number;
  format: ConfigFormat;
  content: string;
  md5: string;
  publishedAt: number;
  /** Set when this version was published by a rollback. */
  rolledBackFrom?: number;
}

export interface ConfigKey {
  namespace: string;
  group: string;
  key: string;
}

export interface ConfigEntry extends ConfigKey {
  content: string;
  format: ConfigFormat;
  version: number;
  md5: string;
  updatedAt: number;
}

/** How many published versions of a key are kept; older ones are dropped as new ones come. */
export const HISTORY_LIMIT = 50;

export function versionName(version: number): string {
  return version.toString().padStart(10, '0');
}
