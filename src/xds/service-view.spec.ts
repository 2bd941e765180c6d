import type { ServiceInstance } from '../recipes/registry/service-instance';
import { meshConfigSchema } from './mesh-config';
import { clustersOf, lbPolicyOf, type ServiceView } from './service-view';

const instance = (id: string, metadata: Record<string, string>): ServiceInstance => ({
  id,
  host: '10.0.0.1',
  port: 1,
  protocol: 'dubbo',
  weight: 100,
  status: 'UP',
  metadata,
  service: 's',
  side: 'providers',
  url: '',
  node: id,
  sessionId: '1',
  registeredAt: 0,
  updatedAt: 0,
});

describe('service view', () => {
  it('keeps a subset cluster for every version running, whatever the routes split to', () => {
    const view: ServiceView = {
      service: 's',
      providers: [instance('a', { version: 'v1' }), instance('b', { version: 'v2' })],
      mesh: meshConfigSchema.parse({ routes: [{ split: { v2: 1, v3: 1 } }] }),
    };
    expect(clustersOf(view).map((c) => c.name)).toEqual([
      's',
      's|version=v1',
      's|version=v2',
      's|version=v3',
    ]);
  });

  it("takes the mesh config's policy, else Dubbo's loadbalance parameter", () => {
    const providers = [instance('a', { loadbalance: 'consistenthash' })];
    const mesh = meshConfigSchema.parse({});
    expect(lbPolicyOf({ service: 's', providers, mesh })).toBe('consistent-hash');
    expect(lbPolicyOf({ service: 's', providers: [], mesh })).toBe('round-robin');
    const random = meshConfigSchema.parse({ lbPolicy: 'random' });
    expect(lbPolicyOf({ service: 's', providers, mesh: random })).toBe('random');
  });
});
