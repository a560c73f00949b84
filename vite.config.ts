import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app is served by the Peerpath server from dist/web; in `vite dev` the API is proxied to it.
export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Everything ships as files: the server's CSP allows scripts from 'self' only.
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        manualChunks: (id) => (id.includes('node_modules') ? (id.includes('@mantine') ? 'mantine' : 'vendor') : undefined),
      },
      onwarn(warning, warn) {
        // zod's sources carry comments Rollup cannot place; harmless, and noise at every server start.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
    },
  },
});
