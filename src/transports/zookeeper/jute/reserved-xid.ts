/** The xids ZooKeeper reserves for packets that answer no numbered request (ClientCnxn). */
export const ReservedXid = {
  /** A watch event pushed by the server. */
  notification: -1,
  ping: -2,
  auth: -4,
  setWatches: -8,
} as const;
