/**
 * Configuration center: prints a key at start and on every change.
 *   node -r @swc-node/register examples/config-subscriber.ts [key]
 *   curl -XPUT localhost:8080/api/v1/config/public/DEFAULT_GROUP/app.json \
 *        -H 'content-type: application/json' -d '{"content":"{\"debug\":true}","format":"json"}'
 */
import { ConfigClient } from '@zoonest/client';
import { closeOnExit, connect } from './connect';

async function main(): Promise<void> {
  const client = await connect();
  closeOnExit(client);
  const key = process.argv[2] ?? 'app.json';
  new ConfigClient(client).watch({ key }, (value) => {
    if (!value) console.log(`${key}: (not published yet)`);
    else console.log(`${key} v${value.version} (${value.format}): ${value.content}`);
  });
}

void main();
