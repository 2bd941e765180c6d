import { inMemoryCoordinator, SPEC_LIMITS } from '../../../test/support/in-memory-coordinator';
import { MetricsService } from '../../ops/metrics.service';
import { StatsSampler } from './stats-sampler';

describe('StatsSampler', () => {
  it('reads counts, request rate and commit latency from the metrics', async () => {
    const metrics = new MetricsService();
    const zk = await inMemoryCoordinator(SPEC_LIMITS, { observer: metrics });
    metrics.bind(zk);
    const sampler = new StatsSampler(zk, metrics);
    await sampler.sample();
    const ctx = { sessionId: 0n, remoteAddress: '127.0.0.1' };
    for (let i = 0; i < 5; i++) await zk.create(ctx, `/n${i}`, Buffer.alloc(0));
    const s = await sampler.sample();
    // the root, the three system nodes and five more
    expect(s.znodes).toBe(9);
    expect(s.requestsPerSec).toBeGreaterThan(0);
    expect(s.commitsPerSec).toBeGreaterThan(0);
    expect(s.commitLatencyMs).not.toBeNull();
    expect(sampler.samples()).toHaveLength(2);
  });
});
