import { join, resolve } from 'node:path';
import { webAppDir } from './web-app-dir';

describe('webAppDir', () => {
  it('finds dist/admin-web under the package root from src/ and from dist/src/', () => {
    const root = resolve(__dirname, '../../..');
    expect(webAppDir(__dirname)).toBe(join(root, 'dist', 'admin-web'));
    expect(webAppDir(join(root, 'dist', 'src', 'admin', 'web-app'))).toBe(
      join(root, 'dist', 'admin-web'),
    );
  });
});
