import { javaDouble, javaHex } from './java-format';

describe('Java number formats', () => {
  it.each([
    [0, '0.0'],
    [2, '2.0'],
    [0.5, '0.5'],
    [1.2345, '1.2345'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [0.00015, '1.5E-4'],
    [12345678, '1.2345678E7'],
    [1e7, '1.0E7'],
  ])('prints the double %d as Double.toString does: %s', (v, s) => {
    expect(javaDouble(v)).toBe(s);
  });

  it('prints longs in hex as Long.toHexString does', () => {
    expect([javaHex(0), javaHex(0x1a2b), javaHex(-1), javaHex(0x100000000000005n)]).toEqual([
      '0',
      '1a2b',
      'ffffffffffffffff',
      '100000000000005',
    ]);
  });
});
