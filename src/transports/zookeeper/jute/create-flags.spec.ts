import { CREATE_MODES } from '../../../core/znode';
import { ZkCode } from '../../../core/zk-code';
import { createFlagsOf, createModeOf } from './create-flags';
import { JuteError } from './jute-error';

describe('create flags', () => {
  it('maps ZooKeeper CreateMode flags 0..6 to core modes and back', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(createModeOf)).toEqual([
      'persistent',
      'ephemeral',
      'persistent-sequential',
      'ephemeral-sequential',
      'container',
      'persistent-ttl',
      'persistent-sequential-ttl',
    ]);
    expect(CREATE_MODES.map((m) => createModeOf(createFlagsOf(m)))).toEqual(CREATE_MODES);
  });

  it.each([7, -1, 0x100])('refuses flag %d as BadArguments', (flag) => {
    expect(() => createModeOf(flag)).toThrow(JuteError);
    expect(() => createModeOf(flag)).toThrow(
      expect.objectContaining({ code: ZkCode.BadArguments }),
    );
  });
});
