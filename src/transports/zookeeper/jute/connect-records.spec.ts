import { decodeConnectRequest, encodeConnectResponse } from './connect-records';
import { JuteError } from './jute-error';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// protocolVersion 0, lastZxidSeen 0x1234, timeOut 30000, sessionId 0x0100000000000005,
// passwd 01020304, then (3.4+ clients only) readOnly.
const CONNECT_V33 = '00000000 0000000000001234 00007530 0100000000000005 00000004 01020304';

describe('ConnectRequest', () => {
  it('decodes a current client request with the readOnly flag', () => {
    expect(decodeConnectRequest(hex(`${CONNECT_V33} 01`))).toEqual({
      protocolVersion: 0,
      lastZxidSeen: 0x1234,
      timeoutMs: 30000,
      sessionId: 0x0100000000000005n,
      passwd: hex('01020304'),
      readOnly: true,
      withReadOnly: true,
    });
  });

  it('decodes an old client request that stops after the password', () => {
    expect(decodeConnectRequest(hex(CONNECT_V33))).toMatchObject({
      sessionId: 0x0100000000000005n,
      readOnly: false,
      withReadOnly: false,
    });
  });

  it('reads a null password as empty', () => {
    const req = decodeConnectRequest(
      hex('00000000 0000000000000000 00001388 0000000000000000 ffffffff'),
    );
    expect([req.passwd, req.sessionId, req.timeoutMs]).toEqual([Buffer.alloc(0), 0n, 5000]);
  });

  it.each([
    ['cut in the session id', '00000000 0000000000001234 00007530 01000000'],
    ['cut in the password', '00000000 0000000000001234 00007530 0100000000000005 00000004 0102'],
    ['a negative password length', '00000000 0000000000001234 00007530 0100000000000005 fffffffb'],
    ['empty', ''],
  ])('throws a JuteError without a request when %s', (_what, bytes) => {
    expect(() => decodeConnectRequest(hex(bytes))).toThrow(JuteError);
    expect(() => decodeConnectRequest(hex(bytes))).toThrow(
      expect.objectContaining({ request: undefined }),
    );
  });
});

describe('ConnectResponse', () => {
  const res = {
    protocolVersion: 0,
    timeoutMs: 30000,
    sessionId: 0x0100000000000005n,
    passwd: hex('01020304'),
    readOnly: false,
  };

  it('encodes length, protocolVersion, timeOut, sessionId, passwd and readOnly', () => {
    expect(encodeConnectResponse(res, { withReadOnly: true })).toEqual(
      hex('00000019 00000000 00007530 0100000000000005 00000004 01020304 00'),
    );
  });

  it('omits readOnly for a client that did not send it', () => {
    expect(encodeConnectResponse(res, { withReadOnly: false })).toEqual(
      hex('00000018 00000000 00007530 0100000000000005 00000004 01020304'),
    );
  });
});
