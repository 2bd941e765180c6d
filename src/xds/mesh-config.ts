import { z } from 'zod';
import type { ConfigKey } from '../recipes/config/config-entry';

/** Where a service's mesh config lives in the config center: `mesh` / `routes` / `{service}`. */
export const MESH_NAMESPACE = 'mesh';
export const MESH_GROUP = 'routes';

export function meshConfigKey(service: string): ConfigKey {
  return { namespace: MESH_NAMESPACE, group: MESH_GROUP, key: service };
}

/** Zoonest's load-balancing strategies, and the xDS policy each one becomes. */
export const LB_POLICIES = [
  'round-robin',
  'weighted',
  'random',
  'least-request',
  'least-outstanding',
  'consistent-hash',
] as const;
export type LbPolicy = (typeof LB_POLICIES)[number];

/** gRPC's retryable status names (Envoy's `retry_on` for gRPC). */
const RETRY_ON = [
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
] as const;

const label = z.string().min(1).max(255);

const retrySchema = z
  .object({
    /** Passed on as `num_retries`; Envoy reads 0 as "no retries", gRPC refuses it (NACK). */
    attempts: z.number().int().min(0).max(10),
    on: z.array(z.enum(RETRY_ON)).min(1).default(['unavailable']),
    backoffMs: z.number().int().min(1).max(60_000).optional(),
  })
  .strict();

const routeSchema = z
  .object({
    name: z.string().max(255).optional(),
    /** Path prefix the route matches (gRPC paths are `/{package.Service}/{Method}`). */
    prefix: z.string().max(1024).default(''),
    /** Exact header values the route needs. */
    headers: z.record(label, z.string().max(1024)).default({}),
    /** Traffic split by subset: the value of the subset label -> weight. */
    split: z
      .record(label, z.number().int().min(0).max(1_000_000))
      .refine((s) => Object.values(s).some((w) => w > 0), 'a split needs a weight above 0')
      .optional(),
    timeoutMs: z.number().int().min(0).max(3_600_000).optional(),
    retry: retrySchema.optional(),
  })
  .strict();

export const meshConfigSchema = z
  .object({
    lbPolicy: z.enum(LB_POLICIES).optional(),
    /** For consistent-hash: the request header whose value picks the instance. */
    hashHeader: label.optional(),
    /** The instance metadata key that splits route between (e.g. `version`). */
    subsetLabel: label.default('version'),
    routes: z.array(routeSchema).min(1).max(100).optional(),
  })
  .strict();

export type MeshConfig = z.output<typeof meshConfigSchema>;
export type MeshRoute = z.output<typeof routeSchema>;

export const DEFAULT_MESH_CONFIG: MeshConfig = meshConfigSchema.parse({});

/** A published mesh config; a problem names what is wrong with it. */
export function parseMeshConfig(content: string): { config: MeshConfig } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (err) {
    return { problem: `not JSON: ${(err as Error).message}` };
  }
  const parsed = meshConfigSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data };
  return {
    problem: parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; '),
  };
}
