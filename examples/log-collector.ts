/**
 * Naming service and heartbeats: a log collector whose machine list follows the agents that
 * register (each agent's node is ephemeral, so a dead agent drops out by itself).
 *   node -r @swc-node/register examples/log-collector.ts collector
 *   node -r @swc-node/register examples/log-collector.ts agent web-1
 */
import { ServiceDiscovery } from '@zoonest/client';
import { closeOnExit, connect } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  const discovery = new ServiceDiscovery(client);
  if (process.argv[2] === 'agent') {
    const host = process.argv[3] ?? `agent-${process.pid}`;
    await discovery.registerService('log-agents', { id: host, host, port: 514 });
    console.log(`${host} registered; Ctrl-C (or kill -9) to leave`);
    return;
  }
  discovery.watch('log-agents', (agents) => {
    console.log(`collecting from: ${agents.map((a) => a.host).join(', ') || '(nobody)'}`);
  });
}

void main();
