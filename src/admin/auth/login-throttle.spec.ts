import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('refuses an address after ten failures, for a minute', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 9; i++) throttle.failed('10.0.0.1');
    expect(throttle.allowed('10.0.0.1')).toBe(true);
    throttle.failed('10.0.0.1');
    expect([throttle.allowed('10.0.0.1'), throttle.allowed('10.0.0.2')]).toEqual([false, true]);
    now = 60_000;
    expect(throttle.allowed('10.0.0.1')).toBe(true);
  });

  it('forgets the failures of an address that logs in', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 10; i++) throttle.failed('10.0.0.1');
    throttle.succeeded('10.0.0.1');
    expect(throttle.allowed('10.0.0.1')).toBe(true);
  });
});
