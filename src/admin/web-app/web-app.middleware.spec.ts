import { isServerPath } from './web-app.middleware';

describe('isServerPath', () => {
  it('leaves the API, Socket.IO and the operations endpoints to the server', () => {
    for (const p of [
      '/api',
      '/api/docs',
      '/api/v1/admin/me',
      '/socket.io/',
      '/healthz',
      '/metrics',
      '/commands/monitor',
    ])
      expect([p, isServerPath(p)]).toEqual([p, true]);
    for (const p of ['/', '/tree', '/assets/index.js', '/apiary', '/metricsboard', '/commandsx'])
      expect([p, isServerPath(p)]).toEqual([p, false]);
  });
});
