import type { LoggerService } from '@nestjs/common';
import { ZkCode } from '../../core/zk-code';
import type { ConnectionStats } from './connection-stats';
import { errorText } from './error-text';
import { decodeRequest } from './jute/decode-request';
import { JuteError } from './jute/jute-error';
import { JuteWriter } from './jute/jute-writer';
import { opNameOf } from './jute/op-code';
import type { ZkRequest } from './jute/requests';
import type { ReplyHeader, ZkResponse } from './jute/responses';
import { writeReplyHeader } from './jute/response-records';
import { lastOpName } from './last-op';
import type { WireStats } from './latency-stats';
import {
  isConnectionRequest,
  isOperationRequest,
  perform,
  type ConnectionRequest,
  type OperationCall,
} from './operations';
import type { Outbox } from './outbox';
import { ReplyOrder, type ReplySlot } from './reply-order';
import { wireCodeOf } from './wire-error';

/** A reply in line: a header with its body, or a packet encoded elsewhere. */
type Reply = { header: ReplyHeader; body: ZkResponse | undefined } | { frame: Buffer };

/** What answering a session's packets needs from its connection. */
export interface AnswererHost {
  readonly call: OperationCall;
  readonly stats: ConnectionStats;
  readonly wire: WireStats;
  readonly log: LoggerService;
  /** Takes no more packets; `end` follows once the reply in hand is out. */
  readonly stopReading: () => void;
  /** Sends what is queued, then closes. */
  readonly end: () => void;
  /** Closes at once, unanswered. */
  readonly abort: (reason: string) => void;
  /** The client itself closes its session (so its end is not an expiry to report). */
  readonly closingSession: () => void;
}

/**
 * Answers the packets of one open session: each is decoded, handed to the core, and answered
 * in arrival order with ZooKeeper's ReplyHeader, including the packets ZooKeeper answers
 * itself (ping, auth, sasl, closeSession) and the ones it cannot read.
 */
export class RequestAnswerer {
  private readonly replies: ReplyOrder<Reply>;

  constructor(
    private readonly host: AnswererHost,
    outbox: Pick<Outbox, 'reply' | 'frame'>,
  ) {
    this.replies = new ReplyOrder<Reply>((reply) =>
      'frame' in reply ? outbox.frame(reply.frame) : outbox.reply(reply.header, reply.body),
    );
  }

  /** Requests received and not yet answered. */
  get outstanding(): number {
    return this.replies.outstanding;
  }

  /** Forgets the replies still due (the connection is gone). */
  clear(): void {
    this.replies.clear();
  }

  packet(body: Buffer, started: number): void {
    let req: ZkRequest;
    try {
      req = decodeRequest(body);
    } catch (err) {
      if (!(err instanceof JuteError)) throw err;
      return this.undecodable(err, started);
    }
    this.host.stats.lastOperation = lastOpName(req.type);
    if (req.xid >= 0) this.host.stats.lastCxid = req.xid;
    const slot = this.replies.reserve();
    if (req.type !== 'auth' && req.type !== 'sasl' && !this.authenticated()) {
      return this.requireAuth(slot, started, req.xid);
    }
    if (isConnectionRequest(req)) return this.answerConnectionRequest(slot, started, req);
    if (!isOperationRequest(req)) return;
    perform(this.host.call, req).then(
      (res) => this.answer(slot, started, { xid: req.xid, err: 0 }, undefined, res),
      (err: unknown) => this.failed(slot, started, req.xid, err),
    );
  }

  private authenticated(): boolean {
    const { zk, ctx } = this.host.call;
    return zk.authenticated(ctx);
  }

  /**
   * As ZooKeeper's enforce.auth refuses any packet but auth and sasl before an allowed
   * identity: SessionClosedRequireSaslAuth, then the connection closes (the session lives on).
   */
  private requireAuth(slot: ReplySlot<Reply>, started: number, xid: number): void {
    this.host.stopReading();
    const header = { xid, zxid: 0, err: ZkCode.SessionClosedRequireSaslAuth };
    this.answer(slot, started, header, this.host.end);
  }

  private undecodable(err: JuteError, started: number): void {
    const request = err.request;
    // No header, or an auth packet ZooKeeper cannot read: it closes without a reply.
    if (!request || opNameOf(request.opCode) === 'auth') {
      return this.host.abort(`bad packet: ${err.message}`);
    }
    const slot = this.replies.reserve();
    if (err.code !== ZkCode.Unimplemented) {
      return this.answer(slot, started, { xid: request.xid, err: err.code });
    }
    // As ZooKeeper's UnimplementedRequestProcessor: reply (zxid -1), then close.
    this.host.stopReading();
    this.answer(slot, started, { xid: request.xid, zxid: -1, err: err.code }, this.host.end);
  }

  private answerConnectionRequest(
    slot: ReplySlot<Reply>,
    started: number,
    req: ConnectionRequest,
  ): void {
    switch (req.type) {
      case 'ping':
        return this.answer(slot, started, { xid: req.xid, err: 0 });
      case 'auth':
        return this.auth(slot, started, req);
      case 'sasl':
        // No SASL here: ZooKeeper without a SASL server answers with a null token.
        return this.finish(slot, started, 0, { frame: saslReply(req.xid) });
      case 'closeSession':
        return this.closeSession(slot, started, req.xid);
    }
  }

  private auth(
    slot: ReplySlot<Reply>,
    started: number,
    req: ConnectionRequest & { type: 'auth' },
  ): void {
    const { zk, ctx } = this.host.call;
    try {
      zk.addAuth(ctx.sessionId, req.scheme, req.auth.toString('utf8'));
      // Auth replies carry zxid 0 in ZooKeeper.
      this.answer(slot, started, { xid: req.xid, zxid: 0, err: 0 });
    } catch (err) {
      // AuthFailed, then the connection closes (the client's session state is AUTH_FAILED).
      this.host.stopReading();
      const header = { xid: req.xid, zxid: 0, err: wireCodeOf(err) };
      this.answer(slot, started, header, this.host.end);
    }
  }

  private closeSession(slot: ReplySlot<Reply>, started: number, xid: number): void {
    const { zk, ctx } = this.host.call;
    this.host.closingSession();
    this.host.stopReading();
    zk.closeSession(ctx.sessionId).then(
      () => this.answer(slot, started, { xid, err: 0 }, this.host.end),
      (err: unknown) => this.answer(slot, started, { xid, err: wireCodeOf(err) }, this.host.end),
    );
  }

  private failed(slot: ReplySlot<Reply>, started: number, xid: number, err: unknown): void {
    const code = wireCodeOf(err);
    if (code === ZkCode.SystemError) {
      this.host.log.error(`zookeeper request failed: ${errorText(err)}`);
    }
    this.answer(slot, started, { xid, err: code });
  }

  /** ReplyHeader { xid, zxid (the last applied unless given), err }, and the body if err is 0. */
  private answer(
    slot: ReplySlot<Reply>,
    started: number,
    header: { xid: number; zxid?: number; err: number },
    after?: () => void,
    body?: ZkResponse,
  ): void {
    const zxid = header.zxid ?? this.host.call.zk.lastZxid;
    const reply: Reply = {
      header: { xid: header.xid, zxid, err: header.err },
      // Clients read no body after an error code.
      body: header.err === 0 ? body : undefined,
    };
    this.finish(slot, started, zxid, reply, after);
  }

  private finish(
    slot: ReplySlot<Reply>,
    started: number,
    zxid: number,
    reply: Reply,
    after?: () => void,
  ): void {
    const ms = performance.now() - started;
    const { stats, wire } = this.host;
    stats.latency.record(ms);
    wire.latency.record(ms);
    stats.lastZxid = zxid;
    stats.lastResponseMs = Date.now();
    this.replies.fill(slot, reply, after);
  }
}

/** ReplyHeader { xid, 0, 0 } + SetSASLResponse { null token }. */
function saslReply(xid: number): Buffer {
  const w = JuteWriter.frame(24);
  writeReplyHeader(w, { xid, zxid: 0, err: 0 });
  w.writeBuffer(null);
  return w.toBuffer();
}
