/** Curator's queue item format (ItemSerializer), as the server's queue module writes it. */
const VERSION = 0x00010001;

export function encodeItems(items: readonly Uint8Array[]): Uint8Array {
  const size = 4 + items.reduce((n, i) => n + 5 + i.length, 0) + 1;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setInt32(0, VERSION);
  let at = 4;
  for (const item of items) {
    out[at] = 0x01;
    view.setInt32(at + 1, item.length);
    out.set(item, at + 5);
    at += 5 + item.length;
  }
  out[at] = 0x02;
  return out;
}

/** The items of a Curator-format node, or null for anything else. */
export function decodeItems(bytes: Uint8Array): Uint8Array[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 5 || view.getInt32(0) !== VERSION) return null;
  const items: Uint8Array[] = [];
  let at = 4;
  while (at < bytes.length) {
    const opcode = bytes[at];
    at += 1;
    if (opcode === 0x02) return at === bytes.length ? items : null;
    if (opcode !== 0x01 || at + 4 > bytes.length) return null;
    const size = view.getInt32(at);
    at += 4;
    if (size < 0 || at + size > bytes.length) return null;
    items.push(bytes.subarray(at, at + size));
    at += size;
  }
  return null;
}
