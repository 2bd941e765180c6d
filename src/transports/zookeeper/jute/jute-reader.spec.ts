import { ZkCode } from '../../../core/zk-code';
import { JuteError } from './jute-error';
import { JuteReader } from './jute-reader';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const reader = (s: string) => new JuteReader(hex(s));

function juteError(fn: () => unknown): JuteError {
  try {
    fn();
  } catch (err) {
    if (err instanceof JuteError) return err;
    throw err;
  }
  throw new Error('expected a JuteError');
}

describe('JuteReader', () => {
  it('reads big-endian ints, longs and booleans', () => {
    const r = reader('fffffffe 7fffffff 8000000000000000 0000000100000002 00 01 ff');
    expect([r.readInt(), r.readInt()]).toEqual([-2, 2147483647]);
    expect([r.readLong(), r.readLong()]).toEqual([-(1n << 63n), 4294967298n]);
    expect([r.readBool(), r.readBool(), r.readBool()]).toEqual([false, true, true]);
    expect(r.remaining).toBe(0);
  });

  it('reads buffers, strings and vectors, with -1 as null', () => {
    const r = reader(
      '00000002 cafe ffffffff 00000005 68c3a96c6c ffffffff 00000002 00000001 00000002 ffffffff',
    );
    expect(r.readBuffer()).toEqual(hex('cafe'));
    expect(r.readBuffer()).toBeNull();
    expect(r.readString()).toBe('héll');
    expect(r.readString()).toBeNull();
    expect(r.readVector((v) => v.readInt())).toEqual([1, 2]);
    expect(r.readVector((v) => v.readInt())).toBeNull();
  });

  it('copies buffers so a decoded value does not pin the frame', () => {
    const frame = hex('00000002 cafe');
    const data = new JuteReader(frame).readBuffer();
    frame.fill(0);
    expect(data).toEqual(hex('cafe'));
  });

  it('reads longs the core keeps as numbers only when they are safe integers', () => {
    expect(reader('001fffffffffffff').readLongAsNumber('zxid')).toBe(Number.MAX_SAFE_INTEGER);
    expect(juteError(() => reader('0020000000000000').readLongAsNumber('zxid')).message).toMatch(
      /zxid .* out of range/,
    );
  });

  it.each([
    ['an int', '000000', (r: JuteReader) => r.readInt()],
    ['a long', '00000000000000', (r: JuteReader) => r.readLong()],
    ['a boolean', '', (r: JuteReader) => r.readBool()],
    ['a buffer body', '00000003 0102', (r: JuteReader) => r.readBuffer()],
    ['a string body', '00000010 41', (r: JuteReader) => r.readString()],
    ['a vector item', '00000002 00000001', (r: JuteReader) => r.readVector((v) => v.readInt())],
  ])('throws a MarshallingError JuteError on truncated %s', (_what, bytes, read) => {
    const err = juteError(() => read(reader(bytes)));
    expect([err.name, err.code, err.request]).toEqual([
      'JuteError',
      ZkCode.MarshallingError,
      undefined,
    ]);
  });

  it('refuses negative lengths other than -1', () => {
    expect(juteError(() => reader('fffffffe').readBuffer()).message).toMatch(
      /negative buffer length -2/,
    );
    expect(juteError(() => reader('80000000').readString()).message).toMatch(/negative ustring/);
    expect(juteError(() => reader('fffffff0').readVector((v) => v.readInt())).message).toMatch(
      /vector count -16/,
    );
  });

  it('refuses a length or count larger than the bytes left before allocating anything', () => {
    expect(juteError(() => reader('7fffffff 00').readBuffer()).message).toMatch(/need 2147483647/);
    const lying = reader('7fffffff 00000000');
    const items: number[] = [];
    expect(() => lying.readVector((v) => items.push(v.readInt()))).toThrow(JuteError);
    expect(items).toEqual([]);
  });
});
