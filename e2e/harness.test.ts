import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { OrganizationSchema } from '@aws-connection-wizard/core';
import type { Organization } from '@aws-connection-wizard/core';

import {
  EXAMPLE_GLOBAL,
  aws,
  exampleInitScript,
  findAxeViolations,
  isRunning,
  launchBrowser,
  runBash,
  seedOrganization,
  startMoto,
  startPreview,
} from './harness';
import type { BrowserSession, MotoServer, SeededOrganization, ServerProcess } from './harness';

const MANAGEMENT_ACCOUNT_ID = '111111111111';

// IDs here are placeholders: moto picks the real ones. Names and emails carry quotes and spaces
// to prove they reach awscli as single arguments.
const GIVEN: Organization = {
  id: 'o-givenorg000',
  managementAccountId: MANAGEMENT_ACCOUNT_ID,
  root: { id: 'r-given', name: 'Root' },
  organizationalUnits: [
    { id: 'ou-given-production', name: 'Production', parentId: 'ou-given-workloads' },
    { id: 'ou-given-workloads', name: 'Workloads', parentId: 'r-given' },
    { id: 'ou-given-security', name: 'Security', parentId: 'r-given' },
    { id: 'ou-given-sandbox', name: "Sandbox 'legacy'", parentId: 'r-given' },
  ],
  accounts: [
    {
      id: MANAGEMENT_ACCOUNT_ID,
      name: 'Management',
      email: 'aws-management@example.com',
      state: 'ACTIVE',
      parentId: 'ou-given-security',
    },
    {
      id: '000000000001',
      name: 'Payments prod',
      email: 'payments-prod@example.com',
      state: 'ACTIVE',
      parentId: 'ou-given-production',
    },
    {
      id: '000000000002',
      name: 'Shared services',
      email: 'shared@example.com',
      state: 'ACTIVE',
      parentId: 'ou-given-workloads',
    },
    {
      id: '000000000003',
      name: 'O\'Brien "old" sandbox',
      email: 'obrien@example.com',
      state: 'SUSPENDED',
      parentId: 'ou-given-sandbox',
    },
    {
      id: '000000000005',
      name: 'Closing soon',
      email: 'closing@example.com',
      state: 'PENDING_CLOSURE',
      parentId: 'ou-given-sandbox',
    },
    {
      id: '000000000004',
      name: 'Log archive',
      email: 'logs@example.com',
      state: 'ACTIVE',
      parentId: 'r-given',
    },
  ],
};

/** Each OU as the names on its path from the root, so trees with different IDs compare. */
function unitPaths(organization: Organization): string[] {
  return organization.organizationalUnits.map((unit) => namePath(organization, unit.id)).sort();
}

function accountRows(organization: Organization): string[][] {
  return organization.accounts
    .filter((account) => account.id !== organization.managementAccountId)
    .map((account) => [
      namePath(organization, account.parentId),
      account.name,
      account.email,
      account.state,
    ])
    .sort((a, b) => a[1].localeCompare(b[1]));
}

function namePath(organization: Organization, id: string): string {
  if (id === organization.root.id) return '/';
  const unit = organization.organizationalUnits.find((candidate) => candidate.id === id);
  if (!unit) throw new Error(`Unknown parent ${id}`);
  const parent = namePath(organization, unit.parentId);
  return `${parent === '/' ? '' : parent}/${unit.name}`;
}

describe('given a small organisation seeded into the emulator', () => {
  let moto: MotoServer;
  let seeded: SeededOrganization;

  beforeAll(async () => {
    moto = await startMoto({ accountId: MANAGEMENT_ACCOUNT_ID });
    seeded = await seedOrganization(moto, GIVEN);
  });

  afterAll(async () => {
    await moto?.stop();
  });

  it('should read back every OU under the same parent', () => {
    expect(unitPaths(seeded.organization)).toEqual([
      "/Sandbox 'legacy'",
      '/Security',
      '/Workloads',
      '/Workloads/Production',
    ]);
    expect(unitPaths(seeded.organization)).toEqual(unitPaths(GIVEN));
  });

  it('should read back every account with its parent, email and state', () => {
    const closing = seeded.idOf('Closing soon');
    const givenAsSeeded: Organization = {
      ...GIVEN,
      accounts: GIVEN.accounts.map((account) =>
        account.name === 'Closing soon' ? { ...account, state: 'SUSPENDED' } : account,
      ),
    };

    expect(accountRows(seeded.organization)).toEqual(accountRows(givenAsSeeded));
    expect(seeded.stateDifferences).toEqual([
      { accountId: closing, name: 'Closing soon', given: 'PENDING_CLOSURE', seeded: 'SUSPENDED' },
    ]);
    expect(accountRows(seeded.organization)).toContainEqual([
      "/Sandbox 'legacy'",
      'O\'Brien "old" sandbox',
      'obrien@example.com',
      'SUSPENDED',
    ]);
  });

  it('should keep the management account ID and move it into its OU', () => {
    const { organization } = seeded;
    const management = organization.accounts.find((a) => a.id === MANAGEMENT_ACCOUNT_ID);

    expect(organization.managementAccountId).toBe(MANAGEMENT_ACCOUNT_ID);
    expect(management && namePath(organization, management.parentId)).toBe('/Security');
  });

  it('should return an organisation that core accepts, with IDs in AWS formats', () => {
    const parsed = OrganizationSchema.safeParse(seeded.organization);

    expect(parsed.success).toBe(true);
    expect(seeded.organization.id).not.toBe(GIVEN.id);
    expect(seeded.organization.accounts).toHaveLength(GIVEN.accounts.length);
  });

  it('should map given IDs and names to the IDs moto chose', async () => {
    const production = seeded.idOf('Production');
    const payments = seeded.idOf('Payments prod');
    const parents = await aws<{ Parents: { Id: string; Type: string }[] }>(moto, [
      'organizations',
      'list-parents',
      '--child-id',
      payments,
    ]);

    expect(seeded.ids.get('ou-given-production')).toBe(production);
    expect(seeded.ids.get('000000000001')).toBe(payments);
    expect(parents.Parents).toEqual([{ Id: production, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect(() => seeded.idOf('No such OU')).toThrow(/0 nodes are named "No such OU"/);
  });

  it('should run a bash script against the emulator and report its output', async () => {
    const result = await runBash(
      [
        'set -euo pipefail',
        `aws organizations list-children --parent-id "$ROOT" --child-type ORGANIZATIONAL_UNIT \\`,
        `  --query 'length(Children)' --output text`,
        'echo "$AWS_ENDPOINT_URL"',
      ].join('\n'),
      { moto, env: { ROOT: seeded.organization.root.id } },
    );

    expect(result).toEqual({ exitCode: 0, stdout: `3\n${moto.url}\n`, stderr: '' });
  });

  it('should report the exit code and error of a failing command', async () => {
    const result = await runBash('aws organizations describe-account --account-id 999999999999', {
      moto,
    });

    expect(result.exitCode).toBe(255);
    expect(result.stderr).toMatch(/AccountNotFoundException/);
  });
});

describe('given a running emulator that is stopped', () => {
  it('should end the process it started', async () => {
    const moto = await startMoto({ accountId: MANAGEMENT_ACCOUNT_ID });
    expect(isRunning(moto.pid)).toBe(true);

    await moto.stop();

    expect(isRunning(moto.pid)).toBe(false);
    await expect(fetch(moto.url)).rejects.toThrow();
  });
});

describe('given a built page served with vite preview and opened in Chromium', () => {
  let root: string;
  let preview: ServerProcess;
  let session: BrowserSession;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'aws-connection-wizard-preview-'));
    await mkdir(path.join(root, 'dist'));
    await writeFile(
      path.join(root, 'dist', 'index.html'),
      [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        '<link rel="icon" href="data:,"><title>Fixture</title></head>',
        '<body><main><h1>Fixture</h1><button type="button">First</button>',
        '<button type="button">Second</button></main></body></html>',
      ].join(''),
    );
    await writeFile(
      path.join(root, 'dist', 'broken.html'),
      '<!doctype html><html lang="en"><head><title>Broken</title></head><body><main><img src="data:,"></main></body></html>',
    );
    preview = await startPreview({ root });
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await preview?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('should serve the page on loopback and move focus with the keyboard', async () => {
    const { page } = session;
    await page.goto(preview.url);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');

    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fixture');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Second');
  });

  it('should find no axe violations on an accessible page and name them on a broken one', async () => {
    const { page } = session;
    await page.goto(preview.url);
    const clean = await findAxeViolations(page);
    await page.goto(`${preview.url}/broken.html`);
    const broken = await findAxeViolations(page);

    expect(clean).toEqual([]);
    expect(broken.map((violation) => violation.id)).toContain('image-alt');
  });

  it('should hand the example fixture to the page before its scripts run', async () => {
    const context = await session.browser.newContext();
    await context.addInitScript(exampleInitScript({ organizations: [GIVEN] }));
    const page = await context.newPage();
    await page.goto(preview.url);
    const fixture = await page.evaluate((name) => Reflect.get(window, name), EXAMPLE_GLOBAL);
    await context.close();

    expect(fixture).toEqual({
      organizations: [GIVEN],
      managementAccounts: [
        { accountId: MANAGEMENT_ACCOUNT_ID, name: 'Management', connected: false },
      ],
    });
  });

  it('should stop the preview server by its pid', async () => {
    const other = await startPreview({ root });
    await other.stop();

    expect(isRunning(other.pid)).toBe(false);
  });
});
