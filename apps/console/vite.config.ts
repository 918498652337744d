import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the API at /console (apps/api/src/lib/console-static.ts): same origin, so /v1 needs no CORS.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
