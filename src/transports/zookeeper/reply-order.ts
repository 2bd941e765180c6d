/** A reply's place in line; filled once its request is answered. */
export interface ReplySlot<T> {
  value: T | undefined;
  /** Runs once the reply has been handed on (e.g. to close the connection after it). */
  after: (() => void) | undefined;
}

/**
 * Hands a connection's replies on in the order its requests arrived, as ZooKeeper answers
 * them: clients match replies to requests by position and drop a connection out of order.
 */
export class ReplyOrder<T> {
  private slots: Array<ReplySlot<T>> = [];
  private head = 0;

  constructor(private readonly emit: (reply: T) => void) {}

  /** Replies reserved and not yet handed on. */
  get outstanding(): number {
    return this.slots.length - this.head;
  }

  reserve(): ReplySlot<T> {
    const slot: ReplySlot<T> = { value: undefined, after: undefined };
    this.slots.push(slot);
    return slot;
  }

  fill(slot: ReplySlot<T>, value: T, after?: () => void): void {
    slot.value = value;
    slot.after = after;
    this.drain();
  }

  /** Forgets every reply still waiting (the connection is gone). */
  clear(): void {
    this.slots = [];
    this.head = 0;
  }

  private drain(): void {
    for (;;) {
      const slot = this.slots[this.head];
      if (slot?.value === undefined) break;
      this.head++;
      this.emit(slot.value);
      slot.after?.();
    }
    // Compact now and then rather than shifting on every reply.
    if (this.head > 64 && this.head * 2 > this.slots.length) {
      this.slots = this.slots.slice(this.head);
      this.head = 0;
    }
  }
}
