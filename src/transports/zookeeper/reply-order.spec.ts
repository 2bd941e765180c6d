import { ReplyOrder } from './reply-order';

describe('ReplyOrder', () => {
  it('hands replies on in the order they were reserved, whatever order they finish in', () => {
    const out: string[] = [];
    const order = new ReplyOrder<string>((r) => out.push(r));
    const [a, b, c] = [order.reserve(), order.reserve(), order.reserve()];
    order.fill(c, 'c');
    order.fill(b, 'b');
    expect([out, order.outstanding]).toEqual([[], 3]);
    order.fill(a, 'a');
    expect([out, order.outstanding]).toEqual([['a', 'b', 'c'], 0]);
  });

  it('runs a reply’s after-hook right after handing it on', () => {
    const out: string[] = [];
    const order = new ReplyOrder<string>((r) => out.push(r));
    const [a, b] = [order.reserve(), order.reserve()];
    order.fill(b, 'b', () => out.push('after b'));
    order.fill(a, 'a', () => out.push('after a'));
    expect(out).toEqual(['a', 'after a', 'b', 'after b']);
  });

  it('drops what is still due when cleared, even from inside a hook', () => {
    const out: string[] = [];
    const order = new ReplyOrder<string>((r) => out.push(r));
    const [a, b] = [order.reserve(), order.reserve()];
    order.fill(b, 'b');
    order.fill(a, 'a', () => order.clear());
    expect([out, order.outstanding]).toEqual([['a'], 0]);
  });

  it('keeps its order across many replies', () => {
    const out: number[] = [];
    const order = new ReplyOrder<number>((r) => out.push(r));
    const slots = Array.from({ length: 500 }, () => order.reserve());
    slots.forEach((slot, i) => i % 2 === 1 && order.fill(slot, i));
    slots.forEach((slot, i) => i % 2 === 0 && order.fill(slot, i));
    expect(out).toEqual(Array.from({ length: 500 }, (_, i) => i));
    const more = order.reserve();
    order.fill(more, 500);
    expect(out.at(-1)).toBe(500);
  });
});
