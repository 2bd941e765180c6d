import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { LoggerService } from '@nestjs/common';
import type { Coordinator } from '../../core/coordinator';
import type { ClientContext, SessionInfo } from '../../core/coordinator-types';
import type { WatchEvent, Watcher } from '../../core/watch-event';
import { ZkCode } from '../../core/zk-code';
import type { Settings } from '../../server/settings';
import { ConnectionStats } from './connection-stats';
import { errorText } from './error-text';
import {
  answerFourLetterWord,
  isWhitelisted,
  notInWhitelist,
  type FourLetterWord,
} from './four-letter-words';
import { FrameDecoder, FrameError } from './frame-decoder';
import {
  decodeConnectRequest,
  encodeConnectResponse,
  type ConnectResponse,
} from './jute/connect-records';
import { JuteError } from './jute/jute-error';
import type { ConnectRequest } from './jute/requests';
import type { WireStats } from './latency-stats';
import { Outbox } from './outbox';
import { RequestAnswerer } from './request-answerer';
import type { ConnectionFacts, ServerReport } from './server-facts';
import { handshake } from './session-handshake';
import { certificateIds } from '../tls-peer';

/** ZooKeeper's sessionless-connection timeout: the ConnectRequest must come within it. */
const HANDSHAKE_TIMEOUT_MS = 10_000;
/** Requests in flight per connection before it stops reading (ZooKeeper's outstanding limit). */
const MAX_OUTSTANDING = 1000;
/** Unsent bytes per connection before it stops reading until the client catches up. */
const WRITE_HIGH_WATER = 4 * 1024 * 1024;

/** What a connection needs from the server that accepted it; the report answers the words. */
export interface ConnectionHost extends ServerReport {
  readonly zk: Coordinator;
  readonly settings: Pick<Settings, 'juteMaxBuffer' | 'maxMultiOps' | 'fourLetterWords'>;
  readonly stats: WireStats;
  readonly log: LoggerService;
  /** The connection now holds its session; the session's older connection is closed. */
  claim(conn: ZkConnection): void;
  released(conn: ZkConnection): void;
}

type State = 'handshake' | 'open' | 'closing' | 'closed';

/**
 * One TCP connection speaking ZooKeeper's protocol: the handshake, then each packet decoded,
 * handed to the core and answered in order. It is the Watcher of the watches it sets.
 */
export class ZkConnection implements Watcher {
  readonly stats = new ConnectionStats();
  readonly remoteAddress: string;
  readonly remotePort: number;
  private state: State = 'handshake';
  private ctx: ClientContext | undefined;
  private timeoutMs = 0;
  private withReadOnly = false;
  private connectSeen = false;
  private early: Buffer[] = [];
  private readonly decoder: FrameDecoder;
  private readonly outbox: Outbox;
  private answerer: RequestAnswerer | undefined;
  private closeRequested = false;
  private moved = false;
  private readingPaused = false;
  private handshakeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    // An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d; ip ACLs name a.b.c.d.
    this.remoteAddress = (socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    this.remotePort = socket.remotePort ?? 0;
    this.decoder = FrameDecoder.fromSettings(host.settings, { fourLetterWords: true });
    this.outbox = new Outbox(
      socket,
      (packets) => {
        this.stats.packetsSent += packets;
        host.stats.packetsSent += packets;
        this.updateFlow();
      },
      (err) => {
        host.log.error(`zookeeper reply not encodable: ${errorText(err)}`);
      },
    );
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('drain', () => this.updateFlow());
    socket.on('error', () => undefined); // 'close' follows; a reset peer is no server error
    socket.on('close', () => this.closed());
    this.handshakeTimer = setTimeout(() => {
      if (this.state === 'handshake') this.abort('no ConnectRequest in time');
    }, HANDSHAKE_TIMEOUT_MS);
    this.handshakeTimer.unref();
  }

  /** Still taking packets: not closing or closed. */
  private get accepting(): boolean {
    return this.state === 'handshake' || this.state === 'open';
  }

  get sessionId(): bigint {
    return this.ctx?.sessionId ?? 0n;
  }

  facts(): ConnectionFacts {
    return this.stats.facts({
      remoteAddress: this.remoteAddress,
      secure: this.socket instanceof TLSSocket,
      remotePort: this.remotePort,
      reading: !this.readingPaused,
      outstanding: this.answerer?.outstanding ?? 0,
      sessionId: this.sessionId,
      sessionTimeoutMs: this.timeoutMs,
    });
  }

  /** A watch fired: pushed at once with xid -1, ahead of any reply not yet sent. */
  notify(event: WatchEvent): void {
    if (this.state !== 'open') return;
    this.outbox.notification(event);
  }

  /** The session ended (expired, or closed elsewhere): ZooKeeper drops its connection. */
  sessionEnded(): void {
    if (this.closeRequested || this.state === 'closed') return;
    this.end();
  }

  /**
   * The session's client connected through another replica since: as ZooKeeper does, this old
   * connection answers its next request with SessionMoved, then closes.
   */
  sessionMoved(): void {
    if (this.state === 'open') this.moved = true;
  }

  /** Server shutdown: the session lives on, for the client to resume elsewhere or later. */
  shutdown(): void {
    this.socket.destroy();
  }

  // ---- input ----------------------------------------------------------------------------

  private receive(chunk: Buffer): void {
    if (!this.accepting) return;
    try {
      for (const frame of this.decoder.push(chunk)) {
        if (!this.accepting) return;
        if (frame.kind === 'command') return this.answerCommand(frame.word);
        if (this.state === 'open') this.packet(frame.body);
        else if (this.connectSeen) this.early.push(frame.body);
        else this.connect(frame.body);
      }
    } catch (err) {
      if (err instanceof FrameError) return this.abort(`${err.message} (jute.maxbuffer)`);
      this.fail(err);
    }
  }

  private answerCommand(word: FourLetterWord): void {
    this.state = 'closing';
    // As ZooKeeper counts it: the word is a packet received, and the connection reads no more.
    this.host.stats.packetsReceived++;
    this.stats.packetsReceived++;
    this.pauseReading(true);
    const text = isWhitelisted(word, this.host.settings.fourLetterWords)
      ? answerFourLetterWord(word, this.host)
      : notInWhitelist(word);
    this.hangUp(text);
  }

  private connect(body: Buffer): void {
    this.connectSeen = true;
    this.host.stats.packetsReceived++;
    this.stats.packetsReceived++;
    let req: ConnectRequest;
    try {
      req = decodeConnectRequest(body);
    } catch (err) {
      if (err instanceof JuteError) return this.abort(`bad ConnectRequest: ${err.message}`);
      throw err;
    }
    this.withReadOnly = req.withReadOnly;
    // Packets sent behind the ConnectRequest wait for the session; stop reading more meanwhile.
    this.pauseReading(true);
    const origin = { transport: 'zookeeper', remoteAddress: this.remoteAddress };
    handshake(this.host.zk, req, origin).then(
      (outcome) => {
        if (this.state !== 'handshake') return;
        switch (outcome.kind) {
          case 'refused':
            return this.abort(`refusing session request: ${outcome.reason}`);
          case 'expired':
            this.state = 'closing';
            this.hangUp(this.connectResponse(outcome.response));
            return;
          case 'accepted':
            return this.opened(outcome.session, outcome.response);
        }
      },
      (err: unknown) => this.fail(err),
    );
  }

  private opened(session: SessionInfo, response: ConnectResponse): void {
    clearTimeout(this.handshakeTimer);
    this.ctx = {
      sessionId: session.sessionId,
      remoteAddress: this.remoteAddress,
      ids: certificateIds(this.socket),
    };
    const { zk, settings, stats, log } = this.host;
    this.answerer = new RequestAnswerer(
      {
        call: { zk, ctx: this.ctx, watcher: this, maxMultiOps: settings.maxMultiOps },
        stats: this.stats,
        wire: stats,
        log,
        stopReading: () => {
          this.state = 'closing';
        },
        end: () => this.end(),
        abort: (reason) => this.abort(reason),
        closingSession: () => {
          this.closeRequested = true;
        },
      },
      this.outbox,
    );
    this.timeoutMs = session.timeoutMs;
    this.state = 'open';
    this.host.claim(this);
    this.outbox.frame(this.connectResponse(response));
    this.stats.lastResponseMs = Date.now();
    const early = this.early;
    this.early = [];
    for (const body of early) {
      if (this.state !== 'open') break;
      this.packet(body);
    }
    this.pauseReading(false);
  }

  private connectResponse(response: ConnectResponse): Buffer {
    return encodeConnectResponse(response, { withReadOnly: this.withReadOnly });
  }

  private packet(body: Buffer): void {
    this.host.stats.packetsReceived++;
    this.stats.packetsReceived++;
    const started = performance.now();
    if (this.moved) return this.refuseMoved(body);
    // ZooKeeper's rule: a session lives while packets keep arriving within its timeout.
    if (!this.host.zk.touch(this.sessionId)) return this.sessionEnded();
    this.answerer?.packet(body, started);
    this.updateFlow();
  }

  private refuseMoved(body: Buffer): void {
    if (this.state !== 'open' || body.length < 4) return;
    const xid = body.readInt32BE(0);
    this.outbox.reply({ xid, zxid: this.host.zk.lastZxid, err: ZkCode.SessionMoved });
    this.end();
  }

  // ---- flow and teardown ----------------------------------------------------------------

  /** Stops reading while too much is in flight or unsent; resumes once it has drained. */
  private updateFlow(): void {
    if (this.state !== 'open') return;
    const outstanding = this.answerer?.outstanding ?? 0;
    const busy = outstanding >= MAX_OUTSTANDING || this.socket.writableLength > WRITE_HIGH_WATER;
    const idle =
      outstanding < MAX_OUTSTANDING / 2 && this.socket.writableLength <= WRITE_HIGH_WATER;
    if (busy) this.pauseReading(true);
    else if (idle) this.pauseReading(false);
  }

  private pauseReading(pause: boolean): void {
    if (pause === this.readingPaused) return;
    this.readingPaused = pause;
    if (pause) this.socket.pause();
    else this.socket.resume();
  }

  /** Sends what is queued, then closes. */
  private end(): void {
    this.state = 'closing';
    this.outbox.flush();
    this.hangUp();
  }

  /**
   * Sends the last bytes, then closes both ways as ZooKeeper does: a peer that keeps its side
   * open, or a socket paused for flow control, must not keep the connection alive.
   */
  private hangUp(last?: string | Buffer): void {
    // Read and drop what the peer still sends, so the close is a FIN and not a reset.
    this.pauseReading(false);
    const close = () => this.socket.destroy();
    if (last === undefined) this.socket.end(close);
    else this.socket.end(last, close);
  }

  /** Closes at once, unanswered, as ZooKeeper closes a connection it cannot serve. */
  private abort(reason: string): void {
    this.host.log.warn(`closing zookeeper connection from ${this.peer()}: ${reason}`);
    this.state = 'closing';
    this.socket.destroy();
  }

  private fail(err: unknown): void {
    this.host.log.error(`zookeeper connection from ${this.peer()} failed: ${errorText(err)}`);
    this.state = 'closing';
    this.socket.destroy();
  }

  private closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.handshakeTimer);
    this.answerer?.clear();
    this.early = [];
    // Watches belong to the connection; the client sets them again with setWatches.
    this.host.zk.dropWatcher(this);
    this.host.released(this);
  }

  private peer(): string {
    return `${this.remoteAddress}:${this.remotePort}`;
  }
}
