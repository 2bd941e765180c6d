/**
 * Master election: run three of these; one is master; kill it (kill -9 works) and another
 * takes over within the session timeout.
 *   node -r @swc-node/register examples/master-election.ts node-1
 */
import { LeaderLatch, RecipePaths } from '@zoonest/client';
import { closeOnExit, connect } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  const id = process.argv[2] ?? `node-${process.pid}`;
  await client.create(`${RecipePaths.groupMembers('cluster')}/${id}`, id, {
    mode: 'ephemeral',
    createParents: true,
  });
  const latch = new LeaderLatch(client, RecipePaths.leaderLatch('cluster'), id);
  latch.on('isLeader', () => console.log(`${id}: I am the master`));
  latch.on('notLeader', () => console.log(`${id}: following`));
  await latch.start();
  if (!latch.hasLeadership())
    console.log(`${id}: following ${(await latch.getLeader())?.id ?? '?'}`);
}

void main();
