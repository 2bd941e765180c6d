import { ancestorsOf, childPath, nameOf, parentOf } from './znode-paths';

describe('tree paths', () => {
  it('splits and joins znode paths', () => {
    expect([parentOf('/a/b'), parentOf('/a'), nameOf('/a/b'), nameOf('/')]).toEqual([
      '/a',
      '/',
      'b',
      '/',
    ]);
    expect([childPath('/', 'a'), childPath('/a', 'b')]).toEqual(['/a', '/a/b']);
  });

  it('lists the ancestors to expand to reveal a node', () => {
    expect(ancestorsOf('/a/b/c')).toEqual(['/', '/a', '/a/b']);
    expect(ancestorsOf('/a')).toEqual(['/']);
    expect(ancestorsOf('/')).toEqual([]);
  });
});
