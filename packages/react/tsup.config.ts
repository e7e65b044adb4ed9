import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  external: ['react', 'react-dom', 'react/jsx-runtime', /^@aws-connection-wizard\//],
  // The stylesheet is plain CSS built on custom properties; it is copied, not bundled.
  onSuccess: 'cp src/styles.css dist/styles.css',
});
