/**
 * Distributed queue: producers put jobs, consumers take each exactly once (with ack, so a job
 * whose consumer dies goes back to the queue).
 *   node -r @swc-node/register examples/queue-workers.ts produce 20
 *   node -r @swc-node/register examples/queue-workers.ts consume
 */
import { DistributedQueue, RecipePaths } from '@zoonest/client';
import { closeOnExit, connect, sleep } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  const queue = new DistributedQueue(client, RecipePaths.queue('jobs'));
  if (process.argv[2] === 'produce') {
    const n = Number(process.argv[3] ?? 10);
    for (let i = 0; i < n; i++) console.log(`put job-${i} as ${await queue.put(`job-${i}`)}`);
    await client.close();
    return;
  }
  for (;;) {
    const job = await queue.takeWithAck();
    if (!job) continue;
    console.log(`${process.pid}: working on ${new TextDecoder().decode(job.data)}`);
    await sleep(200);
    await job.ack();
  }
}

void main();
