import { JuteError } from './jute-error';
import { JuteReader } from './jute-reader';
import { JuteWriter } from './jute-writer';

const hex = (b: Buffer) => b.toString('hex');

describe('JuteWriter', () => {
  it('writes big-endian ints, longs, booleans, buffers, strings and vectors', () => {
    const w = JuteWriter.record()
      .writeInt(-2)
      .writeLong(4294967298)
      .writeLong(-1n)
      .writeBool(true)
      .writeBuffer(Buffer.from([0xca, 0xfe]))
      .writeBuffer(null)
      .writeString('hé')
      .writeString(null)
      .writeVector(['a'], (v, s) => v.writeString(s))
      .writeVector(null, (v, s: string) => v.writeString(s));
    expect(hex(w.toBuffer())).toBe(
      [
        'fffffffe',
        '0000000100000002',
        'ffffffffffffffff',
        '01',
        '00000002cafe',
        'ffffffff',
        '0000000368c3a9',
        'ffffffff',
        '000000010000000161',
        'ffffffff',
      ].join(''),
    );
  });

  it('writes number longs like their bigint, negatives and extremes included', () => {
    for (const v of [
      0,
      1,
      -1,
      2 ** 32,
      -(2 ** 32),
      2 ** 32 + 5,
      -(2 ** 31) - 1,
      2 ** 53 - 1,
      -(2 ** 53) + 1,
    ]) {
      expect(hex(JuteWriter.record().writeLong(v).toBuffer())).toBe(
        hex(JuteWriter.record().writeLong(BigInt(v)).toBuffer()),
      );
    }
  });

  it('prefixes a frame with the length of what follows', () => {
    expect(hex(JuteWriter.frame().writeInt(7).writeBool(false).toBuffer())).toBe(
      '000000050000000700',
    );
  });

  it('grows past its initial capacity without losing bytes', () => {
    const big = Buffer.alloc(100_000, 7);
    const out = JuteWriter.frame(1).writeString('/p').writeBuffer(big).writeInt(9).toBuffer();
    const r = new JuteReader(out);
    expect([r.readInt(), r.readString(), r.readBuffer()?.equals(big), r.readInt()]).toEqual([
      out.length - 4,
      '/p',
      true,
      9,
    ]);
  });

  it('refuses values that do not fit their jute type', () => {
    expect(() => JuteWriter.record().writeInt(2 ** 31)).toThrow(JuteError);
    expect(() => JuteWriter.record().writeInt(1.5)).toThrow(JuteError);
    expect(() => JuteWriter.record().writeLong(2 ** 53)).toThrow(JuteError);
    expect(() => JuteWriter.record().writeLong(1n << 63n)).toThrow(JuteError);
  });
});
