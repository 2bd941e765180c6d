import { asText, bestView, bytesToBase64, base64ToBytes, hexDump, renderData } from './data-format';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('node data views', () => {
  it('picks JSON, YAML, text or hex by what the data is', () => {
    expect(bestView(bytes('{"a":1}'))).toBe('json');
    expect(bestView(bytes('server:\n  port: 8080\n'))).toBe('yaml');
    expect(bestView(bytes('hello world'))).toBe('text');
    expect(bestView(new Uint8Array([0, 1, 2, 0xff]))).toBe('hex');
  });

  it('pretty-prints JSON, and shows it as YAML too', () => {
    expect(renderData(bytes('{"a":[1,2]}'), 'json')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(renderData(bytes('{"a":[1,2]}'), 'yaml')).toBe('a:\n  - 1\n  - 2');
  });

  it('dumps bytes as hex with offsets and printable characters', () => {
    expect(hexDump(bytes('Zoonest!\u0001'))).toBe(
      '00000000  5a 6f 6f 6e 65 73 74 21  01                       |Zoonest!.|',
    );
  });

  it('tells binary from text and round-trips base64', () => {
    expect(asText(new Uint8Array([0xc3, 0x28]))).toBeUndefined();
    expect(asText(bytes('grüezi'))).toBe('grüezi');
    expect(base64ToBytes(bytesToBase64(new Uint8Array([0, 255, 7])))).toEqual(
      new Uint8Array([0, 255, 7]),
    );
  });
});
