/**
 * `@zoonest/client`: the Zoonest client (one session over Socket.IO), Curator's caches, and the
 * recipes on the same znodes as the server's recipe modules.
 *
 * @packageDocumentation
 */
export { ZoonestClient } from './zoonest-client';
export type {
  ClientEvents,
  CreateNodeOptions,
  GetDataOptions,
  MultiReadResult,
  NodeData,
  ReadOptions,
} from './zoonest-client';
export type { AuthInfo, ZoonestClientOptions } from './client-options';
export { Ids, Perms, parseAcl, formatAcl, type Acl } from './acl';
export type { ConnectionState } from './connection-state';
export { ErrorCode, errorCodeName, type ErrorCodeName } from './error-code';
export {
  base64ToBytes,
  bytesToBase64,
  bytesToUtf8,
  utf8ToBytes,
  type NodeDataInput,
} from './data-codec';
export { childPath, parentOf } from './znode-path';
export type { AddWatchMode, AddWatchOptions, PersistentWatch } from './persistent-watch';
export type { Stat } from './stat';
export type { SubscribeOptions, Subscription, SubscriptionHandlers } from './subscription';
export type {
  CreateMode,
  CreateOptions,
  OpResult,
  Transaction,
  VersionOptions,
} from './transaction';
export type { ChangeEvent, EventType, WatchedEvent, Watcher } from './watched-event';
export type { WatchStream } from './watch-stream';
export { ZoonestError, isZoonestError, type OpError } from './zoonest-error';
export { NodeCache, type NodeCacheEvents } from './node-cache';
export { TreeCache, type TreeCacheEvents, type TreeCacheOptions } from './tree-cache';
export type { ChildData } from './child-data';

export { InterProcessMutex, LockTimeoutError } from './recipes/inter-process-mutex';
export { InterProcessReadWriteLock } from './recipes/inter-process-read-write-lock';
export { InterProcessSemaphoreV2, Lease } from './recipes/inter-process-semaphore-v2';
export { LeaderLatch, type Participant } from './recipes/leader-latch';
export { DistributedQueue, type HeldItem } from './recipes/distributed-queue';
export { DistributedBarrier } from './recipes/distributed-barrier';
export { DistributedDoubleBarrier } from './recipes/distributed-double-barrier';
export { DistributedAtomicLong, type AtomicValue } from './recipes/distributed-atomic-long';
export { ServiceDiscovery, type Registration } from './recipes/service-discovery';
export { LoadBalancer, type Strategy } from './recipes/load-balancer';
export { PartitionProducer } from './recipes/partitions';
export { GroupConsumer, type GroupConsumerOptions } from './recipes/group-consumer';
export {
  ConfigClient,
  type ConfigFormat,
  type ConfigKey,
  type ConfigValue,
} from './recipes/config-client';
export { RecipePaths } from '@zoonest/protocol/recipes/recipe-paths';
export type { AssignorName } from '@zoonest/protocol/recipes/assignors';
export type { Partition } from '@zoonest/protocol/recipes/partition';
export type { ServiceInstance, Side } from '@zoonest/protocol/recipes/service-instance';
