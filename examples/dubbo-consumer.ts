/**
 * Dubbo-style consumer: registers under .../consumers, follows the providers and calls one
 * picked by a strategy every second.
 *   node -r @swc-node/register examples/dubbo-consumer.ts [round-robin|random|weighted|least-outstanding]
 */
import { LoadBalancer, ServiceDiscovery, type Strategy } from '@zoonest/client';
import { closeOnExit, connect, sleep } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  const discovery = new ServiceDiscovery(client);
  await discovery.registerService('com.example.Greeter', {
    side: 'consumers',
    host: '127.0.0.1',
    port: 0,
  });
  const lb = new LoadBalancer(
    discovery,
    'com.example.Greeter',
    (process.argv[2] ?? 'round-robin') as Strategy,
  );
  await lb.start();
  for (;;) {
    try {
      const text = await lb.call(async (i) => (await fetch(`http://${i.host}:${i.port}/`)).text());
      process.stdout.write(text);
    } catch (err) {
      console.log(`no call: ${err instanceof Error ? err.message : String(err)}`);
    }
    await sleep(1000);
  }
}

void main();
