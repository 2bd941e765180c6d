import type { ChangeJson } from '../api/types';
import { staleQueries } from './invalidation';

const change = (type: ChangeJson['type'], path: string, ephemeral = false): ChangeJson => ({
  type,
  path,
  zxid: 1,
  mtime: 0,
  version: 0,
  dataLength: 0,
  ephemeral,
});

describe('staleQueries', () => {
  it('reloads a node, and its parent list when it comes or goes', () => {
    expect(staleQueries([change('NodeDataChanged', '/app/x')])).toEqual([['node', '/app/x']]);
    expect(staleQueries([change('NodeCreated', '/app')])).toEqual([
      ['node', '/app'],
      ['children', '/'],
    ]);
    expect(staleQueries([change('NodeDeleted', '/app/x')])).toEqual([
      ['node', '/app/x'],
      ['children', '/app'],
      ['children', '/'],
      ['children', '/app/x'],
      ['sessions'],
    ]);
  });

  it('reloads the view a recipe path belongs to, once per batch', () => {
    const keys = staleQueries([
      change('NodeCreated', '/dubbo/svc/providers/u1', true),
      change('NodeDataChanged', '/zoonest/config/ns/g/k'),
      change('NodeCreated', '/zoonest/locks/orders/lock-1', true),
      change('NodeCreated', '/zoonest/locks/orders/lock-2', true),
    ]).map((k) => k[0]);
    expect(keys.filter((k) => !['node', 'children'].includes(k as string))).toEqual([
      'sessions',
      'services',
      'config',
      'coordination',
    ]);
  });
});
