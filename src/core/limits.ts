/** The limits the core enforces; every one is a documented server setting. */
export interface CoreLimits {
  /** ZooKeeper's jute.maxbuffer: the longest request packet, as its wire protocol encodes it. */
  juteMaxBuffer: number;
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  /** Writes queued and not yet committed before new ones are refused with Throttled. */
  maxPendingWrites: number;
}

/** ZooKeeper's largest TTL (EphemeralType.TTL's 40-bit value). */
export const MAX_TTL_MS = 0xff_ffff_ffff;
