/**
 * Curator's queue item format (ItemSerializer), so Curator's DistributedQueue and Zoonest read
 * each other's items: int32 version 0x00010001, then per item 0x01 + int32 length + bytes,
 * then 0x02.
 */
const VERSION = 0x00010001;
const ITEM = 0x01;
const EOF_OPCODE = 0x02;

export function encodeItems(items: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.alloc(4)];
  parts[0]?.writeInt32BE(VERSION);
  for (const item of items) {
    const header = Buffer.alloc(5);
    header.writeUInt8(ITEM, 0);
    header.writeInt32BE(item.length, 1);
    parts.push(header, item);
  }
  parts.push(Buffer.from([EOF_OPCODE]));
  return Buffer.concat(parts);
}

/** The items of a Curator-format node, or null when the bytes are something else. */
export function decodeItems(bytes: Buffer): Buffer[] | null {
  if (bytes.length < 5 || bytes.readInt32BE(0) !== VERSION) return null;
  const items: Buffer[] = [];
  let at = 4;
  for (;;) {
    if (at >= bytes.length) return null;
    const opcode = bytes.readUInt8(at);
    at += 1;
    if (opcode === EOF_OPCODE) return at === bytes.length ? items : null;
    if (opcode !== ITEM || at + 4 > bytes.length) return null;
    const size = bytes.readInt32BE(at);
    at += 4;
    if (size < 0 || at + size > bytes.length) return null;
    items.push(bytes.subarray(at, at + size));
    at += size;
  }
}
