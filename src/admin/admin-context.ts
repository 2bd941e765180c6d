import type { ClientContext } from '../core/coordinator-types';
import type { Actor } from './auth/actor';

/** The dashboard acts without a session, with the address of the browser it serves. */
export function adminContext(actor: Actor): ClientContext {
  return { sessionId: 0n, remoteAddress: actor.remoteAddress };
}
