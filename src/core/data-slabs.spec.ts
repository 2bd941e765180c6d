import { DataSlabs } from './data-slabs';

const bytes = (n: number, fill: number) => Buffer.alloc(n, fill);

describe('DataSlabs', () => {
  it('keeps each id its own bytes and forgets cleared ones', () => {
    const slabs = new DataSlabs(4);
    slabs.set(0, Buffer.from('alpha'));
    slabs.set(1, Buffer.from(''));
    slabs.set(2, Buffer.from('gamma'));
    slabs.clear(2);
    expect([0, 1, 2].map((id) => slabs.get(id).toString())).toEqual(['alpha', '', '']);
    expect([slabs.length(0), slabs.bytes]).toEqual([5, 5]);
  });

  it('copies what it stores: changing the caller buffer changes nothing', () => {
    const slabs = new DataSlabs(1);
    const value = Buffer.from('abc');
    slabs.set(0, value);
    value[0] = 0x7a;
    expect(slabs.get(0).toString()).toBe('abc');
  });

  it('leaves a view handed out unchanged when the id gets new bytes', () => {
    const slabs = new DataSlabs(1);
    slabs.set(0, Buffer.from('first'));
    const view = slabs.get(0);
    slabs.set(0, Buffer.from('second'));
    expect([view.toString(), slabs.get(0).toString()]).toEqual(['first', 'second']);
  });

  it('keeps every value through many rewrites that empty and evacuate chunks', () => {
    const ids = 2000;
    const slabs = new DataSlabs(ids);
    const expected: number[] = [];
    for (let round = 0; round < 30; round++) {
      for (let id = 0; id < ids; id++) {
        // Sizes vary, so chunks fill unevenly; every third id gets a large value now and then.
        const size = id % 3 === 0 && round % 7 === 0 ? 70_000 : 100 + ((id * 31 + round) % 900);
        if (id % 5 === round % 5) {
          slabs.clear(id);
          expected[id] = -1;
        } else {
          slabs.set(id, bytes(size, (id + round) % 251));
          expected[id] = size;
        }
      }
    }
    const wrong = expected.flatMap((size, id) => {
      const got = slabs.get(id);
      const fill = (id + 29) % 251;
      const ok =
        size === -1 ? got.length === 0 : got.length === size && got.every((b) => b === fill);
      return ok ? [] : [id];
    });
    expect(wrong).toEqual([]);
    expect(slabs.bytes).toBe(expected.reduce((sum, size) => sum + Math.max(size, 0), 0));
  });

  it('grows to more ids without losing the values it has', () => {
    const slabs = new DataSlabs(1);
    slabs.set(0, Buffer.from('kept'));
    slabs.grow(10);
    slabs.set(9, Buffer.from('new'));
    expect([slabs.get(0).toString(), slabs.get(9).toString(), slabs.get(5).length]).toEqual([
      'kept',
      'new',
      0,
    ]);
  });
});
