import type { ConnectionFacts } from './server-facts';
import { LatencyStats } from './latency-stats';

/** What `cons` and `stat` print about one connection, kept as it serves. */
export class ConnectionStats {
  readonly establishedMs = Date.now();
  packetsReceived = 0;
  packetsSent = 0;
  lastOperation = 'NA';
  lastCxid = -1;
  lastZxid = -1;
  lastResponseMs = 0;
  readonly latency = new LatencyStats();

  /** As ZooKeeper's ServerCnxn.resetStats: all but when the connection was made. */
  reset(): void {
    this.packetsReceived = 0;
    this.packetsSent = 0;
    this.lastOperation = 'NA';
    this.lastCxid = -1;
    this.lastZxid = -1;
    this.lastResponseMs = 0;
    this.latency.reset();
  }

  facts(c: {
    remoteAddress: string;
    secure: boolean;
    remotePort: number;
    reading: boolean;
    outstanding: number;
    sessionId: bigint;
    sessionTimeoutMs: number;
  }): ConnectionFacts {
    return {
      remoteAddress: c.remoteAddress,
      secure: c.secure,
      remotePort: c.remotePort,
      interestOps: c.reading ? 1 : 0,
      outstandingRequests: c.outstanding,
      packetsReceived: this.packetsReceived,
      packetsSent: this.packetsSent,
      sessionId: c.sessionId,
      lastOperation: this.lastOperation,
      establishedMs: this.establishedMs,
      sessionTimeoutMs: c.sessionTimeoutMs,
      lastCxid: this.lastCxid,
      lastZxid: this.lastZxid,
      lastResponseMs: this.lastResponseMs,
      lastLatencyMs: this.latency.last,
      minLatencyMs: this.latency.min,
      avgLatencyMs: this.latency.avg,
      maxLatencyMs: this.latency.max,
    };
  }
}
