/** Plain shapes of the data plane as the dashboard shows it (no imports: the web app uses them). */

/** Who a data-plane client says it is: its xDS `node`. */
export interface NodeIdentity {
  id: string;
  cluster: string;
  metadata: Record<string, unknown>;
  locality: { region: string; zone: string; subZone: string } | null;
  /** e.g. `gRPC Node 1.14.7` or `envoy 1.34.0`. */
  userAgent: string;
}

/** What one client was sent of one resource type, and what it said back. */
export interface TypeStatus {
  type: string;
  /** Resource names it subscribed to; `*` for all of them. */
  subscribed: string[];
  sentVersion: string | null;
  sentNonce: string | null;
  sentAt: number | null;
  ackedVersion: string | null;
  ackedAt: number | null;
  /** The last refusal, until a later version is ACKed. */
  nack: { version: string; message: string; at: number } | null;
}

export interface XdsClientInfo {
  id: number;
  protocol: 'sotw' | 'delta';
  peer: string;
  connectedAt: number;
  node: NodeIdentity | null;
  types: TypeStatus[];
}

/** A published mesh config the xDS server could not use, and which version it was. */
export interface MeshConfigProblem {
  service: string;
  version: number;
  problem: string;
  at: number;
}
