/** Where each recipe keeps its znodes; docs/recipes.md describes the layouts below them. */
export const RECIPE_ROOT = '/zoonest';
export const LOCKS_ROOT = `${RECIPE_ROOT}/locks`;
export const RW_LOCKS_ROOT = `${RECIPE_ROOT}/rwlocks`;
export const SEMAPHORES_ROOT = `${RECIPE_ROOT}/semaphores`;
export const ELECTIONS_ROOT = `${RECIPE_ROOT}/elections`;
export const QUEUES_ROOT = `${RECIPE_ROOT}/queues`;
export const BARRIERS_ROOT = `${RECIPE_ROOT}/barriers`;
export const DOUBLE_BARRIERS_ROOT = `${RECIPE_ROOT}/double-barriers`;
export const COUNTERS_ROOT = `${RECIPE_ROOT}/counters`;
export const CONFIG_ROOT = `${RECIPE_ROOT}/config`;
export const CONFIG_HISTORY_ROOT = `${RECIPE_ROOT}/config-history`;
export const BROKERS_ROOT = `${RECIPE_ROOT}/brokers`;
export const CONSUMERS_ROOT = `${RECIPE_ROOT}/consumers`;
/** Dubbo's own root, so Dubbo applications and Zoonest share one registry. */
export const DUBBO_ROOT = '/dubbo';

/** The paths the server's recipe modules use, for clients that share their znodes. */
export const RecipePaths = {
  lock: (name: string) => `${LOCKS_ROOT}/${name}`,
  rwLock: (name: string) => `${RW_LOCKS_ROOT}/${name}`,
  semaphore: (name: string) => `${SEMAPHORES_ROOT}/${name}`,
  leaderLatch: (group: string) => `${ELECTIONS_ROOT}/${group}/leader`,
  groupMembers: (group: string) => `${ELECTIONS_ROOT}/${group}/members`,
  queue: (name: string) => `${QUEUES_ROOT}/${name}`,
  barrier: (name: string) => `${BARRIERS_ROOT}/${name}`,
  doubleBarrier: (name: string) => `${DOUBLE_BARRIERS_ROOT}/${name}`,
  counter: (name: string) => `${COUNTERS_ROOT}/${name}`,
  dubboService: (service: string) => `${DUBBO_ROOT}/${service}`,
  config: (namespace: string, group: string, key: string) =>
    `${CONFIG_ROOT}/${namespace}/${group}/${key}`,
  configHistory: (namespace: string, group: string, key: string) =>
    `${CONFIG_HISTORY_ROOT}/${namespace}/${group}/${key}`,
} as const;
