import { SessionTable } from './session-table';

class ManualClock {
  constructor(public t = 1_000) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

describe('SessionTable', () => {
  const pw = Buffer.alloc(16);

  it('expires a session once its timeout passes without a touch', () => {
    const clock = new ManualClock();
    const table = new SessionTable(clock);
    table.opened(1n, pw, 4_000);
    clock.advance(3_999);
    expect(table.expired()).toEqual([]);
    clock.advance(1);
    expect(table.expired()).toEqual([1n]);
  });

  it('moves the deadline on each touch', () => {
    const clock = new ManualClock();
    const table = new SessionTable(clock);
    table.opened(1n, pw, 4_000);
    clock.advance(3_000);
    expect(table.touch(1n)).toBe(true);
    clock.advance(3_000);
    expect(table.expired()).toEqual([]);
    clock.advance(1_001);
    expect(table.expired()).toEqual([1n]);
  });

  it('does not expire a session while a connection holds it', () => {
    const clock = new ManualClock();
    const table = new SessionTable(clock);
    table.opened(1n, pw, 4_000);
    table.get(1n)!.attachments = 1;
    clock.advance(10_000);
    expect(table.expired()).toEqual([]);
  });

  it('does not expire or extend a session whose close is under way', () => {
    const clock = new ManualClock();
    const table = new SessionTable(clock);
    table.opened(1n, pw, 4_000);
    table.get(1n)!.closing = true;
    clock.advance(5_000);
    expect([table.isOpen(1n), table.expired(), table.touch(1n)]).toEqual([true, [], false]);
    table.closed(1n);
    expect(table.isOpen(1n)).toBe(false);
  });

  it('gives restored sessions a full timeout from now', () => {
    const clock = new ManualClock(50_000);
    const table = new SessionTable(clock);
    table.restore([{ id: 7n, password: pw, timeoutMs: 6_000 }]);
    expect(table.get(7n)?.deadline).toBe(56_000);
  });
});
