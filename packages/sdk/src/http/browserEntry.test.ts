/**
 * The sdk's browser entry must never pull in server code: bundling it for the browser, as a
 * host's bundler would, must reach no Node built-in, no AWS SDK and no SQLite.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const sdkRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('given the browser entry bundled for the browser', () => {
  it('should contain the HTTP adapter and nothing from the server entry', async () => {
    const result = await build({
      entryPoints: [path.join(sdkRoot, 'src/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      conditions: ['@aws-connection-wizard/source'],
    });
    const inputs = Object.keys(result.metafile.inputs);
    const code = result.outputFiles.map((file) => file.text).join('\n');

    expect(inputs.some((input) => input.endsWith('src/http/httpAdapters.ts'))).toBe(true);
    expect(inputs.filter((input) => input.includes('/src/server/'))).toEqual([]);
    expect(
      inputs.filter((input) => /@aws-sdk|better-sqlite3|@smithy|node_modules\/hono/.test(input)),
    ).toEqual([]);
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:|import\(["']node:/);
    expect(code).toContain('createHttpAdapters');
  });
});
