import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const opts = { initialDelayMs: 100, maxDelayMs: 2000 };

  it('doubles per attempt, jittered within the upper half', () => {
    expect([0, 1, 2].map((a) => backoffDelay(a, opts, () => 0))).toEqual([50, 100, 200]);
    expect([0, 1, 2].map((a) => backoffDelay(a, opts, () => 1))).toEqual([100, 200, 400]);
  });

  it('never exceeds the maximum', () => {
    expect(backoffDelay(50, opts, () => 1)).toBe(2000);
  });
});
