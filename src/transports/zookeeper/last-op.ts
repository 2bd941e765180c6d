import type { ZkRequestType } from './jute/requests';

/** ZooKeeper's short names for the last operation of a connection, as `cons` prints them. */
const LAST_OP: Readonly<Record<ZkRequestType, string>> = {
  create: 'CREA',
  create2: 'CREA',
  createContainer: 'CREA',
  createTTL: 'CREA',
  delete: 'DELE',
  deleteContainer: 'DELE',
  exists: 'EXIS',
  getData: 'GETD',
  setData: 'SETD',
  getACL: 'GETA',
  setACL: 'SETA',
  getChildren: 'GETC',
  getChildren2: 'GETC',
  sync: 'SYNC',
  multi: 'MULT',
  multiRead: 'MLTR',
  reconfig: 'RECO',
  checkWatches: 'CHKW',
  removeWatches: 'REMW',
  auth: 'AUTH',
  setWatches: 'SETW',
  setWatches2: 'STW2',
  sasl: 'SASL',
  getEphemerals: 'GETE',
  getAllChildrenNumber: 'GETACN',
  addWatch: 'ADDW',
  ping: 'PING',
  closeSession: 'CLOS',
  whoAmI: 'HOMI',
};

export function lastOpName(type: ZkRequestType): string {
  return LAST_OP[type];
}
