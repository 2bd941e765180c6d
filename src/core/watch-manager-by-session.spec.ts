import type { WatchEvent, Watcher } from './watch-event';
import { WatchManager } from './watch-manager';

class Connection implements Watcher {
  constructor(readonly sessionId?: bigint) {}
  notify(_event: WatchEvent): void {}
}

describe('WatchManager.pathsBySession', () => {
  it('groups the watched paths of every kind by the session of the watcher', () => {
    const wm = new WatchManager();
    const a = new Connection(7n);
    const b = new Connection(9n);
    wm.addData('/x', a);
    wm.addChildren('/x', a);
    wm.addPersistent('/y', 'persistent-recursive', a);
    wm.addData('/z', b);
    expect(wm.pathsBySession()).toEqual(
      new Map([
        [7n, ['/x', '/y']],
        [9n, ['/z']],
      ]),
    );
  });

  it('leaves out watchers without a session, and fired one-shot watches', () => {
    const wm = new WatchManager();
    const a = new Connection(7n);
    wm.addData('/x', new Connection());
    wm.addData('/x', new Connection(0n));
    wm.addData('/x', a);
    wm.nodeDataChanged('/x', 3);
    expect(wm.pathsBySession()).toEqual(new Map());
  });
});
