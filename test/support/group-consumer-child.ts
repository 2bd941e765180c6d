/**
 * One GroupConsumer in its own process, for the handover tests:
 * `node -r @swc-node/register test/support/group-consumer-child.ts {url} {group} {id} {revokeMs}`.
 * Prints one JSON line per callback with the time it happened; SIGTERM leaves the group
 * cleanly, SIGKILL does not.
 */
import { GroupConsumer, ZoonestClient } from '@zoonest/client';

function log(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...event, t: Date.now() })}\n`);
}

async function main(): Promise<void> {
  const [url, group, id, revokeMs] = process.argv.slice(2);
  if (!url || !group || !id) throw new Error('usage: group-consumer-child {url} {group} {id}');
  const client = await ZoonestClient.connect({ servers: [url], sessionTimeoutMs: 2000 });
  const consumer = new GroupConsumer(client, group, id, ['clicks'], {
    onAssigned: (owned) => log({ ev: 'assigned', id, owned }),
    onRevoked: async (revoked) => {
      log({ ev: 'revoking', id, revoked });
      await new Promise((r) => setTimeout(r, Number(revokeMs ?? 0)));
      log({ ev: 'revoked', id, revoked });
    },
  });
  process.once('SIGTERM', () => {
    void consumer
      .close()
      .then(() => client.close())
      .then(() => {
        log({ ev: 'left', id });
        process.exit(0);
      });
  });
  await consumer.start();
  log({ ev: 'started', id });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
