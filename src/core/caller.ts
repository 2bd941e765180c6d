import type { AuthId } from './acl';

/** Who asks: the session (0n for none, e.g. a plain REST call) and the identities it holds. */
export interface Caller {
  sessionId: bigint;
  ids: readonly AuthId[];
}

export const SERVER_CALLER: Caller = { sessionId: 0n, ids: [] };
