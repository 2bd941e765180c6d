/** An error on JSON transports. */
export interface ErrorJson {
  code: number;
  name: string;
  message: string;
  path?: string;
  /** For a failed multi: each op's result, as ZooKeeper reports them. */
  results?: Array<{ code: number; name: string }>;
  oldestZxid?: number;
}
