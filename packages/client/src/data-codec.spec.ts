import { fromWire, toWire, bytesToUtf8 } from './data-codec';

describe('data on the wire', () => {
  it('sends strings as UTF-8 and bytes as base64', () => {
    expect(toWire('héllo')).toEqual({ data: 'héllo', encoding: 'utf8' });
    expect(toWire(new Uint8Array([0, 255]))).toEqual({ data: 'AP8=', encoding: 'base64' });
    expect(toWire(undefined)).toEqual({ data: '', encoding: 'utf8' });
  });

  it('tells text from bytes', () => {
    expect(bytesToUtf8(new Uint8Array([0x68, 0x69]))).toBe('hi');
    expect(bytesToUtf8(new Uint8Array([0xc3, 0x28]))).toBeUndefined();
  });

  it('works without Buffer, as in a browser', () => {
    const saved = globalThis.Buffer;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const codec = require('./data-codec') as typeof import('./data-codec');
        const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
        const wire = codec.toWire(bytes);
        expect(wire.encoding).toBe('base64');
        const back = codec.fromWire(wire.data, 'base64');
        expect(back).not.toBeInstanceOf(saved);
        expect([...back]).toEqual([...bytes]);
        expect([...codec.fromWire('é', 'utf8')]).toEqual([0xc3, 0xa9]);
      });
    } finally {
      globalThis.Buffer = saved;
    }
    expect(fromWire('AP8=', 'base64')).toBeInstanceOf(Buffer);
  });
});
