import { dataPreview } from './data-preview';

describe('dataPreview', () => {
  it('shows text as text, cut at 200 characters', () => {
    expect(dataPreview(Buffer.from('{"job": 1}'))).toBe('{"job": 1}');
    expect(dataPreview(Buffer.from('x'.repeat(300)))).toBe(`${'x'.repeat(200)}…`);
  });

  it('shows binary data as hex', () => {
    expect(dataPreview(Buffer.from([0, 1, 0xff, 0x10]))).toBe('0001ff10');
  });
});
