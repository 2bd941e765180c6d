import { modeOf } from './create';

describe('create flags', () => {
  it("map to modes as zkCli's do", () => {
    expect(modeOf({})).toBe('persistent');
    expect(modeOf({ sequential: true })).toBe('persistent-sequential');
    expect(modeOf({ ephemeral: true, sequential: true })).toBe('ephemeral-sequential');
    expect(modeOf({ container: true })).toBe('container');
    expect(modeOf({ ttl: 5000, sequential: true })).toBe('persistent-sequential-ttl');
    expect(() => modeOf({ ephemeral: true, ttl: 1 })).toThrow('at most one of -e, -c and -t');
  });
});
