import { watchedEventOf } from './persistent-watch';
import type { Stat } from './stat';
import type { ChangeEvent } from './watched-event';

const change = (type: ChangeEvent['type'], path: string): ChangeEvent => ({
  type,
  path,
  zxid: 1,
  stat: {} as Stat,
});

describe('watchedEventOf', () => {
  it('reports children of a persistent watch only as a changed child list', () => {
    expect(watchedEventOf('/a', 'persistent', change('NodeDataChanged', '/a'))?.type).toBe(
      'NodeDataChanged',
    );
    expect(watchedEventOf('/a', 'persistent', change('NodeCreated', '/a/b'))).toEqual({
      type: 'NodeChildrenChanged',
      path: '/a',
      zxid: 1,
    });
    expect(watchedEventOf('/a', 'persistent', change('NodeDataChanged', '/a/b'))).toBeUndefined();
  });

  it('reports every node below a recursive watch, and never ACL changes', () => {
    expect(watchedEventOf('/', 'persistent-recursive', change('NodeDeleted', '/x/y'))).toEqual({
      type: 'NodeDeleted',
      path: '/x/y',
      zxid: 1,
    });
    expect(watchedEventOf('/a', 'persistent', change('NodeACLChanged', '/a'))).toBeUndefined();
  });
});
