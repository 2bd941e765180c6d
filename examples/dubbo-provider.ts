/**
 * Dubbo-style provider: registers `dubbo://host:port/com.example.Greeter?...` under
 * /dubbo/com.example.Greeter/providers and serves HTTP on that port.
 *   node -r @swc-node/register examples/dubbo-provider.ts 20880
 */
import { createServer } from 'node:http';
import { ServiceDiscovery } from '@zoonest/client';
import { closeOnExit, connect } from './connect';

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 20880);
  createServer((_req, res) => res.end(`hello from ${port}\n`)).listen(port, '127.0.0.1');
  const client = await connect();
  closeOnExit(client);
  const instance = await new ServiceDiscovery(client).registerService('com.example.Greeter', {
    id: `greeter-${port}`,
    host: '127.0.0.1',
    port,
    weight: Number(process.env.WEIGHT ?? 100),
  });
  console.log(`registered ${instance.url}`);
}

void main();
