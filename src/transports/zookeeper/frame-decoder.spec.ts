import { DEFAULT_MAX_FRAME_BYTES, type Frame, FrameDecoder, FrameError } from './frame-decoder';

const frame = (body: Buffer) => {
  const out = Buffer.alloc(4 + body.length);
  out.writeInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
};
const bodies = (frames: Frame[]) =>
  frames.map((f) => (f.kind === 'packet' ? f.body.toString() : `command:${f.word}`));

function frameError(fn: () => unknown): FrameError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FrameError) return err;
    throw err;
  }
  throw new Error('expected a FrameError');
}

describe('FrameDecoder', () => {
  it('yields several packets that arrive in one chunk', () => {
    const d = new FrameDecoder();
    const chunk = Buffer.concat([
      frame(Buffer.from('one')),
      frame(Buffer.from('two')),
      frame(Buffer.alloc(0)),
    ]);
    expect(bodies(d.push(chunk))).toEqual(['one', 'two', '']);
    expect(d.bufferedBytes).toBe(0);
  });

  it('reassembles a packet split at every possible byte', () => {
    const stream = Buffer.concat([frame(Buffer.from('hello world')), frame(Buffer.from('bye'))]);
    for (let cut = 1; cut < stream.length; cut++) {
      const d = new FrameDecoder();
      const got = [...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))];
      expect(bodies(got)).toEqual(['hello world', 'bye']);
    }
  });

  it('reassembles a packet fed one byte at a time', () => {
    const d = new FrameDecoder();
    const stream = frame(Buffer.from('drip'));
    const got: Frame[] = [];
    for (const byte of stream) got.push(...d.push(Buffer.from([byte])));
    expect(bodies(got)).toEqual(['drip']);
  });

  it('holds only the incomplete packet between pushes', () => {
    const d = new FrameDecoder();
    const stream = Buffer.concat([frame(Buffer.from('a')), frame(Buffer.from('bcdef'))]);
    expect(bodies(d.push(stream.subarray(0, 8)))).toEqual(['a']);
    expect(d.bufferedBytes).toBe(3);
  });

  it('accepts a packet of exactly the limit', () => {
    const d = new FrameDecoder({ maxFrameBytes: 10 });
    expect(d.push(frame(Buffer.alloc(10)))).toHaveLength(1);
  });

  it('refuses a length over the limit as soon as the prefix arrives, without buffering the body', () => {
    const d = new FrameDecoder({ maxFrameBytes: 10 });
    const err = frameError(() => d.push(Buffer.from([0, 0, 0, 11])));
    expect([err.reason, err.length, err.maxFrameBytes]).toEqual(['too-large', 11, 10]);
    expect(d.bufferedBytes).toBe(0);
  });

  it('refuses a negative length', () => {
    const err = frameError(() => new FrameDecoder().push(Buffer.from([0xff, 0xff, 0xff, 0xfe])));
    expect([err.reason, err.length]).toEqual(['negative-length', -2]);
  });

  it('keeps refusing after a bad length, so nothing past it is read as a packet', () => {
    const d = new FrameDecoder({ maxFrameBytes: 4 });
    expect(() => d.push(Buffer.from([0, 0, 1, 0]))).toThrow(FrameError);
    expect(() => d.push(frame(Buffer.from('ok')))).toThrow(FrameError);
  });

  it("defaults to ZooKeeper's jute.maxbuffer and takes the limit from settings", () => {
    expect(new FrameDecoder().maxFrameBytes).toBe(DEFAULT_MAX_FRAME_BYTES);
    expect(DEFAULT_MAX_FRAME_BYTES).toBe(0xfffff);
    expect(FrameDecoder.fromSettings({ juteMaxBuffer: 1000 }).maxFrameBytes).toBe(1000);
  });

  it('reads a four-letter word from the first 4 bytes when asked, then stops', () => {
    const d = new FrameDecoder({ fourLetterWords: true });
    expect(bodies(d.push(Buffer.from('ru')))).toEqual([]);
    expect(bodies(d.push(Buffer.from('ok\n')))).toEqual(['command:ruok']);
    expect(d.push(frame(Buffer.from('ignored')))).toEqual([]);
  });

  it('only looks for a word at the start of the connection', () => {
    const d = new FrameDecoder({ fourLetterWords: true, maxFrameBytes: 16 });
    expect(bodies(d.push(frame(Buffer.from('hi'))))).toEqual(['hi']);
    expect(() => d.push(Buffer.from('stat'))).toThrow(FrameError);
  });

  it('reads "ruok" as an oversized length when words are off', () => {
    expect(() => new FrameDecoder().push(Buffer.from('ruok'))).toThrow(FrameError);
  });
});
