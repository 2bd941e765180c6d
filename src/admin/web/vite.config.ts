import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The dashboard, built into dist/admin-web, which the server serves at `/`. */
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../../dist/admin-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  // `npm run dev:web`: the app with hot reload, against a server on the default port.
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/socket.io': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});
