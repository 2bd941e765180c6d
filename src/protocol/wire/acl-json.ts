/** An ACL entry on JSON transports: permissions as ZooKeeper's letters, e.g. "cdrwa". */
export interface AclJson {
  scheme: string;
  id: string;
  perms: string;
}
