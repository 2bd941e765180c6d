import type { Stat } from '../../../core/stat';
import {
  readAcl,
  readAclList,
  readClientInfo,
  readStat,
  writeAcl,
  writeClientInfo,
  writeStat,
} from './data-records';
import { JuteReader } from './jute-reader';
import { JuteWriter } from './jute-writer';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

const SAMPLE_STAT: Stat = {
  czxid: 1,
  mzxid: 2,
  pzxid: 12,
  ctime: 0x0102030405,
  mtime: 6,
  version: 7,
  cversion: 8,
  aversion: 9,
  ephemeralOwner: 0x0100000000000005n,
  dataLength: 10,
  numChildren: 11,
};

// Stat { czxid, mzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner, dataLength,
// numChildren, pzxid }: 8 longs-and-ints in jute order, 68 bytes.
const SAMPLE_STAT_HEX = [
  '0000000000000001',
  '0000000000000002',
  '0000000102030405',
  '0000000000000006',
  '00000007',
  '00000008',
  '00000009',
  '0100000000000005',
  '0000000a',
  '0000000b',
  '000000000000000c',
].join('');

describe('data records', () => {
  it('writes a Stat in jute field order, pzxid last', () => {
    const w = JuteWriter.record();
    writeStat(w, SAMPLE_STAT);
    expect(w.toBuffer().toString('hex')).toBe(SAMPLE_STAT_HEX);
    expect(w.toBuffer()).toHaveLength(68);
  });

  it('reads the Stat it writes', () => {
    expect(readStat(new JuteReader(hex(SAMPLE_STAT_HEX)))).toEqual(SAMPLE_STAT);
  });

  it('writes an ACL as perms then Id { scheme, id }', () => {
    const w = JuteWriter.record();
    writeAcl(w, { scheme: 'world', id: 'anyone', perms: 31 });
    expect(w.toBuffer()).toEqual(hex('0000001f 00000005 776f726c64 00000006 616e796f6e65'));
    expect(readAcl(new JuteReader(w.toBuffer()))).toEqual({
      scheme: 'world',
      id: 'anyone',
      perms: 31,
    });
  });

  it('reads a null ACL vector as empty, for the core to refuse as InvalidACL', () => {
    expect(readAclList(new JuteReader(hex('ffffffff')))).toEqual([]);
  });

  it('round-trips ClientInfo', () => {
    const w = JuteWriter.record();
    writeClientInfo(w, { authScheme: 'digest', user: 'bob' });
    expect(readClientInfo(new JuteReader(w.toBuffer()))).toEqual({
      authScheme: 'digest',
      user: 'bob',
    });
  });
});
