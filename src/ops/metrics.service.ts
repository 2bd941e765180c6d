import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Coordinator } from '../core/coordinator';
import type { CoordinatorObserver } from '../core/coordinator-types';

type Counts = Coordinator['counts'] & { zxid: number };

/** What the ZooKeeper wire-protocol transport counts, read at scrape time. */
export interface WireFigures {
  connections: number;
  packetsReceived: number;
  packetsSent: number;
}

const GAUGES: ReadonlyArray<readonly [string, string, (c: Counts) => number]> = [
  ['zoonest_znodes', 'Znodes in the tree', (c) => c.nodes],
  ['zoonest_ephemeral_znodes', 'Ephemeral znodes', (c) => c.ephemerals],
  ['zoonest_sessions', 'Open sessions', (c) => c.sessions],
  ['zoonest_watches', 'Registered watches', (c) => c.watches],
  ['zoonest_subscriptions', 'Change-feed subscriptions', (c) => c.subscriptions],
  ['zoonest_pending_writes', 'Writes queued for the next batch', (c) => c.pendingWrites],
  ['zoonest_last_zxid', 'The last applied zxid', (c) => c.zxid],
];

/** Prometheus metrics of one server; its own registry, so servers in one process stay apart. */
@Injectable()
export class MetricsService implements CoordinatorObserver {
  readonly registry = new Registry();
  private counts: () => Counts | undefined = () => undefined;
  private wire: () => WireFigures | undefined = () => undefined;
  private readonly requests: Counter<'op' | 'result'>;
  private readonly commitSeconds: Histogram;
  private readonly batchSize: Histogram;
  private readonly lockWaitSeconds: Histogram;
  private replica: () => { name: string; role: string; lagTxns: number } | undefined = () =>
    undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'zoonest_process_' });
    const counts = () => this.counts();
    for (const [name, help, pick] of GAUGES) {
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect(this: Gauge) {
          const c = counts();
          if (c) this.set(pick(c));
        },
      });
    }
    const wire = () => this.wire();
    new Gauge({
      name: 'zoonest_zookeeper_connections',
      help: 'Open ZooKeeper wire-protocol connections',
      registers: [this.registry],
      collect(this: Gauge) {
        const w = wire();
        if (w) this.set(w.connections);
      },
    });
    new Counter({
      name: 'zoonest_zookeeper_packets_total',
      help: 'ZooKeeper wire-protocol packets by direction',
      labelNames: ['direction'],
      registers: [this.registry],
      collect(this: Counter<'direction'>) {
        const w = wire();
        if (!w) return;
        this.reset();
        this.inc({ direction: 'received' }, w.packetsReceived);
        this.inc({ direction: 'sent' }, w.packetsSent);
      },
    });
    this.requests = new Counter({
      name: 'zoonest_requests_total',
      help: 'Requests by operation and result code name',
      labelNames: ['op', 'result'],
      registers: [this.registry],
    });
    this.commitSeconds = new Histogram({
      name: 'zoonest_commit_seconds',
      help: 'Time to make one write batch durable',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [this.registry],
    });
    this.batchSize = new Histogram({
      name: 'zoonest_commit_batch_requests',
      help: 'Requests per committed write batch',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
      registers: [this.registry],
    });
    this.lockWaitSeconds = new Histogram({
      name: 'zoonest_write_lock_wait_seconds',
      help: "Time a commit waited for the cluster's write lock (PostgreSQL)",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [this.registry],
    });
    const replica = () => this.replica();
    new Gauge({
      name: 'zoonest_replica_lag_txns',
      help: 'Transactions committed in the cluster that this replica has not applied yet',
      labelNames: ['replica', 'role'],
      registers: [this.registry],
      collect(this: Gauge<'replica' | 'role'>) {
        const r = replica();
        this.reset();
        if (r) this.set({ replica: r.name, role: r.role }, r.lagTxns);
      },
    });
  }

  bindReplica(status: () => { name: string; role: string; lagTxns: number }): void {
    this.replica = status;
  }

  writeLockWaited(millis: number): void {
    this.lockWaitSeconds.observe(millis / 1000);
  }

  bind(zk: Coordinator): void {
    this.counts = () => ({ ...zk.counts, zxid: zk.lastZxid });
  }

  bindWireProtocol(figures: () => WireFigures): void {
    this.wire = figures;
  }

  request(op: string, result: string): void {
    this.requests.inc({ op, result });
  }

  committed(batch: { requests: number; txns: number; millis: number }): void {
    this.commitSeconds.observe(batch.millis / 1000);
    this.batchSize.observe(batch.requests);
  }
}
