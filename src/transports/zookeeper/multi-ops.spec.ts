import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import type { Stat } from '../../core/stat';
import type { MultiOp } from './jute/requests';
import { failedMultiResults, multiReadResultsOf, multiResultsOf, writeOpsOf } from './multi-ops';

const STAT = { version: 1 } as Stat;
const acl = [{ scheme: 'world', id: 'anyone', perms: 31 }];
const data = Buffer.from('d');

describe('multi ops', () => {
  const ops: MultiOp[] = [
    { type: 'create', path: '/a', data, acl, mode: 'persistent' },
    { type: 'create2', path: '/b', data, acl, mode: 'ephemeral' },
    { type: 'createTTL', path: '/t', data, acl, mode: 'persistent-ttl', ttlMs: 5000 },
    { type: 'createContainer', path: '/c', data, acl, mode: 'container' },
    { type: 'delete', path: '/a', version: 2 },
    { type: 'setData', path: '/b', data, version: -1 },
    { type: 'check', path: '/b', version: 0 },
  ];

  it('turns every create kind into a create with its mode, and the rest into their ops', () => {
    expect(writeOpsOf(ops)).toEqual([
      { op: 'create', path: '/a', data, acl, mode: 'persistent', ttlMs: undefined },
      { op: 'create', path: '/b', data, acl, mode: 'ephemeral', ttlMs: undefined },
      { op: 'create', path: '/t', data, acl, mode: 'persistent-ttl', ttlMs: 5000 },
      { op: 'create', path: '/c', data, acl, mode: 'container', ttlMs: undefined },
      { op: 'delete', path: '/a', version: 2 },
      { op: 'setData', path: '/b', data, version: -1 },
      { op: 'check', path: '/b', version: 0 },
    ]);
  });

  it('answers create with the path, and create2, createTTL and createContainer as create2', () => {
    const created = (path: string) => ({ op: 'create' as const, path, stat: STAT });
    const results = multiResultsOf(ops, [
      created('/a'),
      created('/b'),
      created('/t'),
      created('/c'),
      { op: 'delete' },
      { op: 'setData', stat: STAT },
      { op: 'check' },
    ]);
    expect(results).toEqual([
      { type: 'create', path: '/a' },
      { type: 'create2', path: '/b', stat: STAT },
      { type: 'create2', path: '/t', stat: STAT },
      { type: 'create2', path: '/c', stat: STAT },
      { type: 'delete' },
      { type: 'setData', stat: STAT },
      { type: 'check' },
    ]);
  });

  it('gives a failed multi one error per op, Zoonest codes as ZooKeeper’s', () => {
    const cause = new ZkError(ZkCode.DataTooLarge, '/b');
    const err = ZkError.multiFailed(cause, 1, [
      ZkCode.Ok,
      ZkCode.DataTooLarge,
      ZkCode.RuntimeInconsistency,
    ]);
    expect(failedMultiResults(err)).toEqual([
      { type: 'error', err: 0 },
      { type: 'error', err: ZkCode.BadArguments },
      { type: 'error', err: ZkCode.RuntimeInconsistency },
    ]);
    expect(failedMultiResults(new ZkError(ZkCode.SystemError))).toBeUndefined();
    expect(failedMultiResults(new Error('bug'))).toBeUndefined();
  });

  it('answers a multiRead op by op', () => {
    expect(
      multiReadResultsOf([
        { op: 'getData', data, stat: STAT },
        { op: 'getChildren', children: ['x'] },
        { op: 'error', error: ZkError.noAuth('/s') },
      ]),
    ).toEqual([
      { type: 'getData', data, stat: STAT },
      { type: 'getChildren', children: ['x'] },
      { type: 'error', err: ZkCode.NoAuth },
    ]);
  });
});
