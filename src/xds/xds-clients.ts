import { Injectable } from '@nestjs/common';
import type { XdsClientInfo } from './xds-client-info';
import { XdsClientState } from './xds-client-state';

/** The data-plane clients connected to this server's xDS port. */
@Injectable()
export class XdsClients {
  private readonly open = new Map<number, XdsClientState>();
  private nextId = 1;

  connect(protocol: 'sotw' | 'delta', peer: string): XdsClientState {
    const client = new XdsClientState(this.nextId++, protocol, peer, Date.now(), Date.now);
    this.open.set(client.id, client);
    return client;
  }

  disconnect(id: number): void {
    this.open.delete(id);
  }

  get size(): number {
    return this.open.size;
  }

  list(): XdsClientInfo[] {
    return [...this.open.values()].map((c) => c.info());
  }
}
