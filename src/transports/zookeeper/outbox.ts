import type { Socket } from 'node:net';
import type { WatchEvent } from '../../core/watch-event';
import { ZkCode } from '../../core/zk-code';
import { appendNotification, appendReply } from './jute/encode-reply';
import { JuteWriter } from './jute/jute-writer';
import type { ReplyHeader, ZkResponse } from './jute/responses';

/** Start small enough for Node's buffer pool; a busy tick grows it. */
const INITIAL_BYTES = 2048;

/**
 * A connection's outgoing packets, encoded in order into one buffer and written once per tick:
 * the replies of a whole commit batch leave in one write, with no buffer per reply. Packets go
 * out in the order they were added, so an event precedes the replies queued after it.
 */
export class Outbox {
  private writer: JuteWriter | undefined;
  /** Finished buffers waiting for the flush (a raw frame ends the current writer). */
  private chunks: Buffer[] = [];
  private packets = 0;
  private scheduled = false;
  private readonly flushLater = (): void => this.flush();

  constructor(
    private readonly socket: Socket,
    private readonly onWritten: (packets: number) => void,
    private readonly onEncodeError: (err: unknown) => void,
  ) {}

  reply(header: ReplyHeader, body?: ZkResponse): void {
    const w = this.current();
    try {
      appendReply(w, header, body);
    } catch (err) {
      // A value the codec cannot write is a bug; the client still gets its reply, as an error.
      this.onEncodeError(err);
      appendReply(w, { ...header, err: ZkCode.SystemError });
    }
    this.added();
  }

  notification(event: WatchEvent): void {
    try {
      appendNotification(this.current(), event);
    } catch (err) {
      return this.onEncodeError(err);
    }
    this.added();
  }

  /** A packet encoded elsewhere (the ConnectResponse, a SASL reply). */
  frame(packet: Buffer): void {
    this.finishWriter();
    this.chunks.push(packet);
    this.added();
  }

  flush(): void {
    this.scheduled = false;
    this.finishWriter();
    const chunks = this.chunks;
    const packets = this.packets;
    if (chunks.length === 0) return;
    this.chunks = [];
    this.packets = 0;
    if (this.socket.destroyed || !this.socket.writable) return;
    if (chunks.length === 1) {
      this.socket.write(chunks[0] as Buffer);
    } else {
      this.socket.cork();
      for (const chunk of chunks) this.socket.write(chunk);
      this.socket.uncork();
    }
    this.onWritten(packets);
  }

  private current(): JuteWriter {
    return (this.writer ??= JuteWriter.record(INITIAL_BYTES));
  }

  private finishWriter(): void {
    if (!this.writer) return;
    if (this.writer.byteLength > 0) this.chunks.push(this.writer.toBuffer());
    this.writer = undefined;
  }

  private added(): void {
    this.packets++;
    if (this.scheduled) return;
    this.scheduled = true;
    // nextTick runs once the promise reactions of this turn have settled: one write per turn.
    process.nextTick(this.flushLater);
  }
}
