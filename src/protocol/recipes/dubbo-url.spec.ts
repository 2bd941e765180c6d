import { formatDubboUrl, javaUrlDecode, javaUrlEncode, parseDubboUrl } from './dubbo-url';

describe('Dubbo URLs', () => {
  it('encodes node names as Java URLEncoder does', () => {
    const url = 'dubbo://10.0.0.5:20880/com.foo.Demo?anyhost=true&methods=a,b&x=(1) ~*';
    expect(javaUrlEncode(url)).toBe(
      'dubbo%3A%2F%2F10.0.0.5%3A20880%2Fcom.foo.Demo%3Fanyhost%3Dtrue%26methods%3Da%2Cb%26x%3D%281%29+%7E*',
    );
    expect(javaUrlDecode(javaUrlEncode(url))).toBe(url);
  });

  it('formats and parses a provider URL', () => {
    const text = formatDubboUrl({
      protocol: 'dubbo',
      host: '10.0.0.5',
      port: 20880,
      path: 'com.foo.Demo',
      params: { weight: '100', side: 'provider' },
    });
    expect(text).toBe('dubbo://10.0.0.5:20880/com.foo.Demo?side=provider&weight=100');
    expect(parseDubboUrl(text)).toEqual({
      protocol: 'dubbo',
      host: '10.0.0.5',
      port: 20880,
      path: 'com.foo.Demo',
      params: { side: 'provider', weight: '100' },
    });
    expect(parseDubboUrl('not a url')).toBeNull();
  });
});
