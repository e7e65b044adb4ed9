import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The example consumes the packages' built `dist/`, as a customer's app would; it deliberately
// does not enable the workspace's source condition.
export default defineConfig({
  plugins: [react()],
  // One React for the app and the wizard's Radix components: two copies render a blank page.
  resolve: { dedupe: ['react', 'react-dom'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 5173 },
});
