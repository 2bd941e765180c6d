/** Where the server's recipe modules keep their znodes (docs/recipes.md), for sharing with them. */
export const RecipePaths = {
  lock: (name: string) => `/zoonest/locks/${name}`,
  rwLock: (name: string) => `/zoonest/rwlocks/${name}`,
  semaphore: (name: string) => `/zoonest/semaphores/${name}`,
  leaderLatch: (group: string) => `/zoonest/elections/${group}/leader`,
  groupMembers: (group: string) => `/zoonest/elections/${group}/members`,
  queue: (name: string) => `/zoonest/queues/${name}`,
  barrier: (name: string) => `/zoonest/barriers/${name}`,
  doubleBarrier: (name: string) => `/zoonest/double-barriers/${name}`,
  counter: (name: string) => `/zoonest/counters/${name}`,
  dubboService: (service: string) => `/dubbo/${service}`,
  config: (namespace: string, group: string, key: string) =>
    `/zoonest/config/${namespace}/${group}/${key}`,
  configHistory: (namespace: string, group: string, key: string) =>
    `/zoonest/config-history/${namespace}/${group}/${key}`,
} as const;
