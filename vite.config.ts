import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://explorer/ in Electron and from the browser host's root,
// so asset URLs are relative. `npm run dev` proxies RPC calls to a running browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    host: '127.0.0.1',
    proxy: process.env.EXPLORER_RPC_TARGET
      ? {
          '/rpc/': {
            target: process.env.EXPLORER_RPC_TARGET,
            changeOrigin: true,
            // The host refuses foreign origins; in dev the page's origin is Vite's, so drop it.
            configure: (proxy) => proxy.on('proxyReq', (request) => request.removeHeader('origin')),
          },
        }
      : undefined,
  },
});
