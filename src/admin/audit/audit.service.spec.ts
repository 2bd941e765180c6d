import { createDataSource } from '../../persistence/data-source.factory';
import { ZkError } from '../../core/zk-error';
import { tempDir, removeTempDirs } from '../../../test/support/temp-dir';
import type { DataSource } from 'typeorm';
import { AuditService } from './audit.service';

const alice = { user: 'alice', remoteAddress: '10.0.0.7' };

describe('AuditService', () => {
  let ds: DataSource;
  let audit: AuditService;

  beforeEach(async () => {
    ds = await createDataSource({ dataDir: await tempDir() }).initialize();
    audit = new AuditService(ds);
  });

  afterEach(async () => {
    await ds.destroy();
    await removeTempDirs();
  });

  it('records who made a change, newest first', async () => {
    await audit.record(alice, 'create', '/a', 'Ok', { mode: 'persistent' });
    await audit.record(alice, 'delete', '/a', 'Ok');
    const entries = await audit.list();
    expect(entries.map((e) => [e.action, e.target, e.actor, e.remoteAddress])).toEqual([
      ['delete', '/a', 'alice', '10.0.0.7'],
      ['create', '/a', 'alice', '10.0.0.7'],
    ]);
    expect(entries[1]?.detail).toEqual({ mode: 'persistent' });
  });

  it('tracks a refused change with its error name and rethrows', async () => {
    const refused = audit.track(alice, 'setData', '/a', { version: 3 }, async () => {
      throw ZkError.badVersion('/a');
    });
    await expect(refused).rejects.toThrow(/BadVersion/);
    await audit.track(
      alice,
      'setData',
      '/a',
      { version: 4 },
      async () => ({ version: 5 }),
      (r) => ({ newVersion: r.version }),
    );
    const entries = await audit.list();
    expect(entries.map((e) => [e.outcome, e.detail])).toEqual([
      ['Ok', { version: 4, newVersion: 5 }],
      ['BadVersion', { version: 3 }],
    ]);
  });

  it('pages and filters', async () => {
    for (const action of ['create', 'delete', 'create', 'delete'] as const)
      await audit.record(alice, action, '/x', 'Ok');
    const first = await audit.list({ limit: 2 });
    const next = await audit.list({ limit: 2, beforeId: first[1]?.id });
    expect([first.length, next.length]).toEqual([2, 2]);
    expect(next.every((e) => e.id < (first[1]?.id ?? 0))).toBe(true);
    expect((await audit.list({ action: 'create' })).map((e) => e.action)).toEqual([
      'create',
      'create',
    ]);
  });

  it('tells listeners about each entry', async () => {
    const seen: string[] = [];
    const stop = audit.onRecorded((e) => seen.push(`${e.action} ${e.target}`));
    await audit.record(alice, 'login', 'alice', 'Ok');
    stop();
    await audit.record(alice, 'logout', 'alice', 'Ok');
    expect(seen).toEqual(['login alice']);
  });
});
