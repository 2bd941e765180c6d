/** Injection tokens of the composition root. */
export const SETTINGS = Symbol('zoonest.settings');
export const TXN_STORE = Symbol('zoonest.txnStore');
/** The ReplicaEnsemble (a ServerEnsemble): the servers /zookeeper/config lists. */
export const ENSEMBLE = Symbol('zoonest.ensemble');
