import {
  childPath,
  isWithin,
  nameOf,
  parentOf,
  pathProblem,
  sequenceSuffix,
  validatePath,
} from './path';
import { ZkCode } from './zk-code';
import { ZkError } from './zk-error';

describe('paths', () => {
  it.each(['/', '/a', '/a/b', '/a.b/..c', '/with space', '/ünïcode', '/a/...'])(
    'accepts %j',
    (path) => {
      expect(pathProblem(path)).toBeUndefined();
    },
  );

  it.each([
    ['', 'empty'],
    ['a', 'start with /'],
    ['/a/', 'end with /'],
    ['/a//b', 'empty node name'],
    ['/a/./b', 'relative'],
    ['/a/..', 'relative'],
    ['/a\u0000b', 'null character'],
    ['/a\u0007', 'invalid character'],
    ['/a\u0085', 'invalid character'],
    ['/a\ud801', 'invalid character'],
    ['/a\ufff5', 'invalid character'],
  ])('rejects %j (%s)', (path, reason) => {
    expect(pathProblem(path)).toContain(reason);
  });

  it('throws BadArguments naming the path', () => {
    expect(() => validatePath('/x/')).toThrow(
      expect.objectContaining({ code: ZkCode.BadArguments, path: '/x/' }) as ZkError,
    );
  });

  it('splits and joins paths', () => {
    expect([parentOf('/a/b/c'), parentOf('/a'), nameOf('/a/b'), nameOf('/a')]).toEqual([
      '/a/b',
      '/',
      'b',
      'a',
    ]);
    expect([childPath('/', 'x'), childPath('/a', 'x')]).toEqual(['/x', '/a/x']);
  });

  it('knows which paths lie within a subtree', () => {
    expect(isWithin('/a/b', '/a')).toBe(true);
    expect(isWithin('/a', '/a')).toBe(true);
    expect(isWithin('/ab', '/a')).toBe(false);
    expect(isWithin('/anything', '/')).toBe(true);
  });

  it('pads sequence numbers to ten digits', () => {
    expect(sequenceSuffix(42)).toBe('0000000042');
  });
});
