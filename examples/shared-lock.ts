/**
 * Distributed lock: processes take turns with an exclusive lock to increment a shared counter
 * node, and share a read-write lock (readers together, writers alone). Run several at once.
 *   node -r @swc-node/register examples/shared-lock.ts
 */
import { InterProcessMutex, InterProcessReadWriteLock, RecipePaths } from '@zoonest/client';
import { closeOnExit, connect, sleep } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  await client.create('/example-counter', '0').catch(() => undefined);
  for (let i = 0; i < 5; i++) {
    const mutex = new InterProcessMutex(client, RecipePaths.lock('example-counter'));
    await mutex.withLock(async () => {
      const n = Number((await client.getData('/example-counter', { encoding: 'utf8' })).data);
      await client.setData('/example-counter', String(n + 1));
      console.log(`${process.pid}: counter ${n} -> ${n + 1} (fencing token ${mutex.token})`);
    });
  }
  const rw = new InterProcessReadWriteLock(client, RecipePaths.rwLock('example-doc'));
  const lock = process.pid % 2 === 0 ? rw.writeLock() : rw.readLock();
  await lock.withLock(async () => {
    console.log(`${process.pid}: holding the ${process.pid % 2 === 0 ? 'write' : 'read'} lock`);
    await sleep(1000);
  });
  await client.close();
}

void main();
