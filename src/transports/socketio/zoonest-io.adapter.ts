import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { Settings } from '../../server/settings';

/** Frame size and liveness of Socket.IO connections, from the server settings. */
export function ioServerOptions(
  settings: Pick<Settings, 'juteMaxBuffer' | 'minSessionTimeoutMs'>,
): Partial<ServerOptions> {
  // A third each: a dead peer is dropped (and its session starts to time out) within 2/3 of
  // the shortest session timeout; below a second the pings themselves become the load.
  const heartbeatMs = Math.max(1000, Math.floor(settings.minSessionTimeoutMs / 3));
  return {
    // Data travels as base64 (a third larger) inside a request with its path and options.
    maxHttpBufferSize: Math.ceil(settings.juteMaxBuffer * 1.4) + 64 * 1024,
    pingInterval: heartbeatMs,
    pingTimeout: heartbeatMs,
    // No `cors`: browsers on other origins are refused unless an operator opts in.
  };
}

/** The Socket.IO server of Zoonest: Nest's adapter with limits that fit the settings. */
export class ZoonestIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly settings: Pick<Settings, 'juteMaxBuffer' | 'minSessionTimeoutMs'>,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    return super.createIOServer(port, {
      ...ioServerOptions(this.settings),
      ...options,
    }) as Server;
  }
}
