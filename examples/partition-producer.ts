/**
 * Load balancing, producer side: brokers publish partitions of a topic; the producer sends
 * round-robin over the ordered partition list.
 *   node -r @swc-node/register examples/partition-producer.ts broker 1 3   (broker 1, 3 partitions)
 *   node -r @swc-node/register examples/partition-producer.ts produce
 */
import { PartitionProducer } from '@zoonest/client';
import { closeOnExit, connect, sleep } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  if (process.argv[2] === 'broker') {
    const id = process.argv[3] ?? '1';
    const partitions = process.argv[4] ?? '2';
    await client.create(
      `/zoonest/brokers/ids/${id}`,
      JSON.stringify({ host: '127.0.0.1', port: 9092 }),
      {
        mode: 'ephemeral',
        createParents: true,
      },
    );
    await client.create(`/zoonest/brokers/topics/clicks/${id}`, partitions, {
      mode: 'ephemeral',
      createParents: true,
    });
    console.log(`broker ${id} serves ${partitions} partitions of clicks`);
    return;
  }
  const producer = new PartitionProducer(client, 'clicks');
  await producer.start();
  for (let n = 0; ; n++) {
    console.log(`message ${n} -> partition ${producer.next()?.id ?? '(none)'}`);
    await sleep(500);
  }
}

void main();
