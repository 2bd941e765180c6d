import { normalizeServerUrl, ServerList } from './server-list';

describe('ServerList', () => {
  it('accepts URLs and zkCli host:port, and goes round', () => {
    const list = new ServerList(['10.0.0.1:8080', 'https://zk.example/', 'http://b:1/prefix']);
    expect(list.urls).toEqual(['http://10.0.0.1:8080', 'https://zk.example', 'http://b:1/prefix']);
    const seen = [list.current];
    for (let i = 0; i < 3; i++) {
      list.advance();
      seen.push(list.current);
    }
    expect(seen).toEqual([...list.urls, list.urls[0]]);
  });

  it('refuses an empty list', () => {
    expect(() => new ServerList([])).toThrow('at least one URL');
    expect(() => normalizeServerUrl(' ')).toThrow('must not be empty');
  });
});
