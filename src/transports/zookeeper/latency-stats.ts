/** Min/avg/max/last of request latencies in milliseconds (ZooKeeper's AvgMinMaxCounter). */
export class LatencyStats {
  private count = 0;
  private total = 0;
  min = 0;
  max = 0;
  last = 0;

  record(ms: number): void {
    this.min = this.count === 0 ? ms : Math.min(this.min, ms);
    this.max = Math.max(this.max, ms);
    this.last = ms;
    this.count++;
    this.total += ms;
  }

  reset(): void {
    this.count = 0;
    this.total = 0;
    this.min = 0;
    this.max = 0;
    this.last = 0;
  }

  get avg(): number {
    return this.count === 0 ? 0 : this.total / this.count;
  }
}

/** Packet counts and latencies of the whole wire-protocol server, for srvr, stat and mntr. */
export class WireStats {
  packetsReceived = 0;
  packetsSent = 0;
  readonly latency = new LatencyStats();

  reset(): void {
    this.packetsReceived = 0;
    this.packetsSent = 0;
    this.latency.reset();
  }
}
