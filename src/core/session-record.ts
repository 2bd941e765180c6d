/** A session as it is made durable: created and closed by transactions. */
export interface SessionRecord {
  id: bigint;
  password: Buffer;
  timeoutMs: number;
}
