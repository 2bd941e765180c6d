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
