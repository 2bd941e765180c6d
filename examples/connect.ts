import { ZoonestClient } from '@zoonest/client';

/** The server every example talks to: ZOONEST_URL, or a local one. */
export const SERVER = process.env.ZOONEST_URL ?? 'http://127.0.0.1:8080';

export function connect(): Promise<ZoonestClient> {
  return ZoonestClient.connect({ servers: [SERVER], sessionTimeoutMs: 6000 });
}

/** Closes the client on Ctrl-C, so its ephemeral nodes go at once. */
export function closeOnExit(client: ZoonestClient): void {
  process.once('SIGINT', () => void client.close().finally(() => process.exit(0)));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
