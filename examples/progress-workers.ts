/**
 * Notification: workers report progress into their own ephemeral node; the manager sees
 * progress and deaths live.
 *   node -r @swc-node/register examples/progress-workers.ts manager
 *   node -r @swc-node/register examples/progress-workers.ts worker w1
 */
import { ServiceDiscovery } from '@zoonest/client';
import { closeOnExit, connect, sleep } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  const discovery = new ServiceDiscovery(client);
  if (process.argv[2] === 'worker') {
    const id = process.argv[3] ?? `w-${process.pid}`;
    await discovery.registerService('workers', {
      id,
      host: id,
      port: 0,
      metadata: { progress: '0' },
    });
    for (let p = 10; p <= 100; p += 10) {
      await sleep(1000);
      await discovery.updateService('workers', id, { metadata: { progress: String(p) } });
    }
    await discovery.updateService('workers', id, { status: 'DONE' });
    return;
  }
  discovery.watch('workers', (workers) => {
    const line = workers.map(
      (w) => `${w.id} ${w.metadata.progress ?? '?'}%${w.status === 'DONE' ? ' done' : ''}`,
    );
    console.log(line.join(' | ') || '(no workers)');
  });
}

void main();
