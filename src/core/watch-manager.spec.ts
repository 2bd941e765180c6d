import type { WatchEvent, Watcher } from './watch-event';
import { WatchManager } from './watch-manager';

class Recorder implements Watcher {
  events: WatchEvent[] = [];
  notify(event: WatchEvent): void {
    this.events.push(event);
  }
  types(): string[] {
    return this.events.map((e) => `${e.type} ${e.path}`);
  }
}

describe('WatchManager', () => {
  it('fires a one-shot data watch once', () => {
    const wm = new WatchManager();
    const w = new Recorder();
    wm.addData('/a', w);
    wm.nodeDataChanged('/a', 5);
    wm.nodeDataChanged('/a', 6);
    expect(w.events).toEqual([{ type: 'NodeDataChanged', path: '/a', zxid: 5 }]);
  });

  it('tells an exists watch about the creation and the parent child watch about the new child', () => {
    const wm = new WatchManager();
    const exists = new Recorder();
    const kids = new Recorder();
    wm.addData('/a/b', exists);
    wm.addChildren('/a', kids);
    wm.nodeCreated('/a/b', 3);
    expect([exists.types(), kids.types()]).toEqual([
      ['NodeCreated /a/b'],
      ['NodeChildrenChanged /a'],
    ]);
  });

  it('sends one NodeDeleted to a watcher holding both data and child watches', () => {
    const wm = new WatchManager();
    const w = new Recorder();
    wm.addData('/a', w);
    wm.addChildren('/a', w);
    wm.nodeDeleted('/a', 9);
    expect(w.types()).toEqual(['NodeDeleted /a']);
    expect(wm.size).toBe(0);
  });

  it('keeps persistent watches and reports children changes to them', () => {
    const wm = new WatchManager();
    const w = new Recorder();
    wm.addPersistent('/a', 'persistent', w);
    wm.nodeDataChanged('/a', 1);
    wm.nodeDataChanged('/a', 2);
    wm.nodeCreated('/a/x', 3);
    wm.nodeDataChanged('/a/x', 4);
    expect(w.types()).toEqual([
      'NodeDataChanged /a',
      'NodeDataChanged /a',
      'NodeChildrenChanged /a',
    ]);
  });

  it('reports every node below a recursive watch but never child-list changes', () => {
    const wm = new WatchManager();
    const w = new Recorder();
    wm.addPersistent('/a', 'persistent-recursive', w);
    wm.nodeCreated('/a/x', 1);
    wm.nodeCreated('/a/x/y', 2);
    wm.nodeDataChanged('/a/x/y', 3);
    wm.nodeDeleted('/a/x/y', 4);
    wm.nodeCreated('/b', 5);
    expect(w.types()).toEqual([
      'NodeCreated /a/x',
      'NodeCreated /a/x/y',
      'NodeDataChanged /a/x/y',
      'NodeDeleted /a/x/y',
    ]);
  });

  it('removes watches by kind and says whether any were there', () => {
    const wm = new WatchManager();
    const w = new Recorder();
    wm.addData('/a', w);
    wm.addChildren('/a', w);
    expect(wm.remove('/a', 'children', w)).toBe(true);
    expect(wm.remove('/a', 'children', w)).toBe(false);
    expect(wm.has('/a', 'data', w)).toBe(true);
    wm.addPersistent('/a', 'persistent-recursive', w);
    expect(wm.remove('/a', 'any', w)).toBe(true);
    expect(wm.size).toBe(0);
  });

  it('drops all of a watcher on disconnect and leaves others', () => {
    const wm = new WatchManager();
    const gone = new Recorder();
    const stays = new Recorder();
    wm.addData('/a', gone);
    wm.addPersistent('/', 'persistent-recursive', gone);
    wm.addData('/a', stays);
    wm.removeWatcher(gone);
    wm.nodeDataChanged('/a', 1);
    expect([gone.events.length, stays.events.length, wm.pathsOf(stays)]).toEqual([0, 1, []]);
  });
});
