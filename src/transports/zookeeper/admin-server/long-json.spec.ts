import { longJson } from './long-json';

describe('longJson', () => {
  it('writes bigints as bare numbers with every digit, as Jackson writes Java longs', () => {
    const text = longJson({ session_id: 72057629340401665n, ids: [1n], name: 'a' });
    expect(text).toContain('"session_id": 72057629340401665');
    expect(text).toContain('"ids": [\n    1\n  ]');
    expect(JSON.parse(text)).toMatchObject({ name: 'a', ids: [1] });
  });

  it('writes a 64-bit id with its top bit set as the negative long Java prints', () => {
    expect(longJson({ id: 0xffffffffffffffffn })).toBe('{\n  "id": -1\n}');
  });

  it('leaves strings that look like its marker alone', () => {
    expect(JSON.parse(longJson({ s: 'long:12' }))).toEqual({ s: 'long:12' });
  });
});
