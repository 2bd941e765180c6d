import { decodeItems, encodeItems } from './curator-items';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();

describe('Curator item codec', () => {
  it('writes the bytes Curator ItemSerializer writes', () => {
    expect(Buffer.from(encodeItems([Buffer.from('hi')])).toString('hex')).toBe(
      '00010001' + '01' + '00000002' + '6869' + '02',
    );
  });

  it('reads back several items, and refuses other bytes', () => {
    const items = [Buffer.from('a'), Buffer.alloc(0), Buffer.from('ccc')];
    expect(decodeItems(encodeItems(items))?.map(text)).toEqual(['a', '', 'ccc']);
    expect(decodeItems(Buffer.from('plain text'))).toBeNull();
    expect(decodeItems(encodeItems([Buffer.from('x')]).subarray(0, 7))).toBeNull();
  });
});
