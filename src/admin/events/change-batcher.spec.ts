import type { Stat } from '../../core/stat';
import type { ChangeBatch } from '../admin-api-types';
import { ChangeBatcher, MAX_BATCH } from './change-batcher';

const stat: Stat = {
  czxid: 1,
  mzxid: 1,
  pzxid: 1,
  ctime: 5,
  mtime: 5,
  version: 0,
  cversion: 0,
  aversion: 0,
  ephemeralOwner: 0n,
  dataLength: 2,
  numChildren: 0,
};

describe('ChangeBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands on the changes of one interval together', () => {
    const batches: ChangeBatch[] = [];
    const b = new ChangeBatcher(100, (batch) => batches.push(batch));
    b.push({ type: 'NodeCreated', path: '/a', zxid: 1, stat });
    b.push({ type: 'NodeDataChanged', path: '/a', zxid: 2, stat });
    expect(batches).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(batches.map((x) => x.events.map((e) => `${e.type} ${e.zxid}`))).toEqual([
      ['NodeCreated 1', 'NodeDataChanged 2'],
    ]);
    expect(batches[0]?.events[0]).toMatchObject({ mtime: 5, dataLength: 2, ephemeral: false });
  });

  it('keeps the newest changes of a storm and counts the rest', () => {
    const batches: ChangeBatch[] = [];
    const b = new ChangeBatcher(100, (batch) => batches.push(batch));
    for (let zxid = 1; zxid <= MAX_BATCH + 5; zxid++)
      b.push({ type: 'NodeCreated', path: '/a', zxid, stat });
    jest.advanceTimersByTime(100);
    expect([batches[0]?.events.length, batches[0]?.events[0]?.zxid, batches[0]?.dropped]).toEqual([
      MAX_BATCH,
      6,
      5,
    ]);
  });

  it('sends nothing after it is closed', () => {
    const batches: ChangeBatch[] = [];
    const b = new ChangeBatcher(100, (batch) => batches.push(batch));
    b.push({ type: 'NodeCreated', path: '/a', zxid: 1, stat });
    b.close();
    jest.advanceTimersByTime(200);
    expect(batches).toEqual([]);
  });
});
