import type { ClientContext } from '../core/coordinator-types';
import type { Actor } from './auth/actor';

/** The dashboard acts without a session, from the browser's address, as AdminIdentity says. */
export function adminContext(actor: Actor): ClientContext {
  return { sessionId: 0n, remoteAddress: actor.remoteAddress, ids: actor.ids };
}
