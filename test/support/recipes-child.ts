/**
 * A recipe client in its own process, for the SIGKILL tests:
 * `node -r @swc-node/register test/support/recipes-child.ts {url} {action} {json args}`.
 * It does the action for a fresh session, prints `READY {json}` and keeps the session alive
 * until it is killed.
 */
import { RecipeRest, type Json } from './recipes-rest';

async function main(): Promise<void> {
  const [url, action, argsJson] = process.argv.slice(2);
  if (!url || !action) throw new Error('usage: recipes-child {url} {action} {json}');
  const args = JSON.parse(argsJson ?? '{}') as Record<string, Json>;
  const rest = await new RecipeRest(url).open(args.sessionTimeoutMs ?? 2000);
  let reply;
  switch (action) {
    case 'lock':
      reply = await rest.post(`/api/v1/locks/${args.name}/acquire`, { owner: 'child' });
      break;
    case 'rwlock':
      reply = await rest.post(`/api/v1/rwlocks/${args.name}/acquire`, { mode: args.mode });
      break;
    case 'campaign':
      reply = await rest.post(`/api/v1/elections/${args.group}/candidates`, {
        id: args.id,
        timeoutMs: 0,
      });
      await rest.post(`/api/v1/elections/${args.group}/members`, { id: args.id });
      break;
    case 'take-ack':
      reply = await rest.post(`/api/v1/queues/${args.name}/take`, { ack: true, timeoutMs: 5000 });
      break;
    case 'register':
      reply = await rest.post(`/api/v1/services/${args.service}/instances`, args.instance);
      break;
    case 'consume':
      reply = await rest.post(`/api/v1/consumer-groups/${args.group}/members`, {
        id: args.id,
        topics: args.topics,
      });
      break;
    default:
      throw new Error(`unknown action ${action}`);
  }
  process.stdout.write(
    `READY ${JSON.stringify({ status: reply.status, body: reply.body, sessionId: rest.sessionId })}\n`,
  );
  setInterval(() => undefined, 1 << 30);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
