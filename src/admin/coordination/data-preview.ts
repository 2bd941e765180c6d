const MAX_PREVIEW = 200;

/** A short readable form of node data: the text when it is UTF-8 text, else hex. */
export function dataPreview(data: Buffer): string {
  const text = data.toString('utf8');
  // U+FFFD: bytes that are not UTF-8; control characters other than whitespace: binary.
  // eslint-disable-next-line no-control-regex
  const binary = text.includes('\uFFFD') || /[\u0000-\u0008\u000E-\u001F]/.test(text);
  const shown = binary ? data.subarray(0, MAX_PREVIEW / 2).toString('hex') : text;
  return shown.length > MAX_PREVIEW ? `${shown.slice(0, MAX_PREVIEW)}…` : shown;
}
