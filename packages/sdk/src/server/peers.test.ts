/**
 * The server entry's optional peers (better-sqlite3, the AWS SDK clients) are loaded when first
 * used: a host without them can still import the entry, and the part that needs one names the
 * package and how to install it. The entry is bundled with esbuild into a folder outside the
 * repository, where no node_modules holds the peers, and run there by Node.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const sdkRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('given the server entry installed without its optional peers', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aws-connection-wizard-peers-'));
    await build({
      entryPoints: [path.join(sdkRoot, 'src/server/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: path.join(dir, 'server.mjs'),
      logLevel: 'silent',
      conditions: ['@aws-connection-wizard/source'],
      external: ['better-sqlite3', '@aws-sdk/*'],
    });
    await writeFile(
      path.join(dir, 'probe.mjs'),
      `const server = await import('./server.mjs');
const attempt = async (what, run) => {
  try { await run(); return [what, 'no error']; } catch (error) { return [what, error.message]; }
};
process.stdout.write(JSON.stringify([
  ['imported', typeof server.createConnectionHandlers],
  await attempt('store', () => server.createSqliteConnectionStore({ filename: ':memory:' })),
  await attempt('organizations', () => server.createOrganizationsClient()),
  await attempt('cloudFormation', () => server.readTrustedAccess({})),
]));
`,
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should import, and name the missing package where one is needed', () => {
    const run = spawnSync(process.execPath, ['probe.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');

    expect(JSON.parse(run.stdout)).toEqual([
      ['imported', 'function'],
      [
        'store',
        'createSqliteConnectionStore needs the package better-sqlite3, an optional peer dependency of @aws-connection-wizard/sdk that is not installed. Install it with: npm install better-sqlite3@12.11.1',
      ],
      [
        'organizations',
        'Reading AWS Organizations needs the package @aws-sdk/client-organizations, an optional peer dependency of @aws-connection-wizard/sdk that is not installed. Install it with: npm install @aws-sdk/client-organizations@3.1178.0',
      ],
      [
        'cloudFormation',
        'Reading CloudFormation StackSets needs the package @aws-sdk/client-cloudformation, an optional peer dependency of @aws-connection-wizard/sdk that is not installed. Install it with: npm install @aws-sdk/client-cloudformation@3.1178.0',
      ],
    ]);
  });
});
