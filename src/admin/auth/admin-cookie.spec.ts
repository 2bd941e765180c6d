import { readCookie } from './admin-cookie';

describe('readCookie', () => {
  it('finds a cookie among others', () => {
    expect(readCookie('a=1; zoonest_admin=tok.sig; b=2', 'zoonest_admin')).toBe('tok.sig');
    expect(readCookie('zoonest_admin=x%2By', 'zoonest_admin')).toBe('x+y');
  });

  it('answers undefined when it is not there', () => {
    expect(readCookie(undefined, 'zoonest_admin')).toBeUndefined();
    expect(readCookie('zoonest_admin_other=1; flag', 'zoonest_admin')).toBeUndefined();
  });
});
