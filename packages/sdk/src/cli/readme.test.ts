/**
 * The README's worked example, run as written: its command lines go to bash from the repository
 * root against the built command, and what it prints and writes must be what the README shows.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { toAwsOrganizationJson } from '../samples/awsJson';
import { NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { EXIT_OK, runCli } from './main';

const repositoryDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const packageJson = JSON.parse(
  readFileSync(path.join(repositoryDir, 'packages/sdk/package.json'), 'utf8'),
);
const builtCommand = path.join(
  repositoryDir,
  'packages/sdk',
  packageJson.bin['aws-connection-wizard'],
);
const outDir = path.join(repositoryDir, 'examples/cli/out');

/** The README's section on the plan command, up to the next second-level heading. */
function readmeSection(): string {
  const readme = readFileSync(path.join(repositoryDir, 'README.md'), 'utf8');
  const start = readme.indexOf('## Headless: the plan CLI');
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The body of the first fenced block of `language` after `marker`. */
function blockAfter(section: string, marker: string, language: string): string {
  const from = section.indexOf(marker);
  expect(from).toBeGreaterThan(-1);
  const open = section.indexOf(`\`\`\`${language}\n`, from);
  const close = section.indexOf('\n```', open);
  return section.slice(open + language.length + 4, close + 1);
}

beforeAll(() => {
  // `npm test` builds first; a bare vitest run on a fresh clone builds what the example needs.
  if (!existsSync(builtCommand)) {
    for (const workspace of ['@aws-connection-wizard/core', '@aws-connection-wizard/sdk']) {
      const build = spawnSync('npm', ['run', 'build', '-w', workspace], {
        cwd: repositoryDir,
        encoding: 'utf8',
      });
      expect(build.status, build.stderr).toBe(0);
    }
  }
  rmSync(outDir, { recursive: true, force: true });
}, 180_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe("given the README's worked example of the plan command", () => {
  it('should print exactly the summary the README shows and write the files its table lists', () => {
    const section = readmeSection();
    const commandLines = blockAfter(section, '### Worked example', 'sh');
    const printed = blockAfter(section, 'It prints:', 'text');

    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', commandLines], {
      cwd: repositoryDir,
      encoding: 'utf8',
    });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(printed);
    const tabled = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    expect(readdirSync(outDir).sort()).toEqual([...tabled].sort());
  });

  it('should write from the built command the same bytes the sources write', async () => {
    const fromSources = await runCliQuietly([
      'plan',
      '--org',
      'examples/cli/org.json',
      '--answers',
      'examples/cli/answers.json',
      '--platform',
      'examples/cli/platform.json',
      '--out',
      'examples/cli/out/from-sources',
    ]);
    expect(fromSources).toBe(EXIT_OK);

    for (const name of readdirSync(path.join(outDir, 'from-sources'))) {
      expect(readFileSync(path.join(outDir, name), 'utf8')).toBe(
        readFileSync(path.join(outDir, 'from-sources', name), 'utf8'),
      );
    }
  });

  it('should ship the command as an executable ESM file with a node shebang', () => {
    expect(readFileSync(builtCommand, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(() => accessSync(builtCommand, constants.X_OK)).not.toThrow();
  });

  it('should use the Northwind sample organisation, as AWS Organizations JSON', () => {
    const org = JSON.parse(readFileSync(path.join(repositoryDir, 'examples/cli/org.json'), 'utf8'));

    expect(org).toEqual(toAwsOrganizationJson(NORTHWIND_ORGANIZATION));
  });
});

async function runCliQuietly(args: string[]): Promise<number> {
  return runCli(args, { cwd: repositoryDir, stdout: () => undefined, stderr: () => undefined });
}
