/**
 * Load balancing, consumer side: members of group "readers" share the partitions of "clicks";
 * start and kill a few and watch the partitions move.
 *   node -r @swc-node/register examples/consumer-group.ts c1
 */
import { GroupConsumer } from '@zoonest/client';
import { closeOnExit, connect } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  const id = process.argv[2] ?? `c-${process.pid}`;
  const consumer = new GroupConsumer(client, 'readers', id, ['clicks'], {
    assignor: 'range',
    onAssigned: (owned) => console.log(`${id} owns: ${owned.join(', ') || '(nothing)'}`),
  });
  await consumer.start();
}

void main();
