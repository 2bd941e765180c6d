/**
 * Sends one socket's replies in the order its requests arrived, as ZooKeeper answers a
 * session's requests in order: a quick read never overtakes an earlier write's reply.
 */
export class ReplyQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly failed: (err: unknown) => void) {}

  /** Once `work` settles and every earlier reply is out, runs `send` with its outcome. */
  push<T>(
    work: Promise<T>,
    send: (outcome: { ok: true; value: T } | { ok: false; error: unknown }) => void,
  ): void {
    const outcome = work.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    this.tail = this.tail
      .then(() => outcome)
      .then(send)
      .catch(this.failed);
  }

  /** Resolves once every reply queued so far has been sent. */
  drained(): Promise<void> {
    return this.tail;
  }
}
