/**
 * The whole wizard in Debian's Chromium, keyboard only, on an organisation seeded into the local
 * AWS API emulator; then the commands the page shows are judged by the real tools (bash -n,
 * shellcheck, cfn-lint) and run with awscli against that emulator.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { CONTOSO_HEALTH_ORGANIZATION } from '@aws-connection-wizard/sdk';
import type { Page } from 'playwright-core';

import {
  aws,
  exampleInitScript,
  findAxeViolations,
  launchBrowser,
  runBash,
  seedOrganization,
  startMoto,
  startPreview,
} from './harness';
import type { BrowserSession, MotoServer, SeededOrganization, ServerProcess } from './harness';

const execFileAsync = promisify(execFile);

const TRUSTED_ACCOUNT_ID = '068664126052';
const EXTERNAL_ID = 'contoso-health:7f3c,2a=ext/id@1';
/** Quotes of both kinds, a command substitution, a parameter expansion and a comma. */
const CONNECTION_NAME = `O'Brien "prod" $(touch /tmp/pwned) \${HOME}, ok`;

/** Presses Tab until the focused element matches, so the test moves as a keyboard user does. */
async function tabTo(page: Page, matches: (element: Element) => boolean, limit = 60) {
  const source = matches.toString();
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((body) => {
      const test = new Function(`return (${body})`)() as (element: Element) => boolean;
      return document.activeElement ? test(document.activeElement) : false;
    }, source);
    if (found) return;
  }
  throw new Error(`No focusable element matched ${source} within ${limit} presses of Tab.`);
}

function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const labelledBy = element?.getAttribute('aria-labelledby');
    const label = labelledBy
      ? document.getElementById(labelledBy.split(' ')[0])?.textContent
      : null;
    return (label ?? element?.textContent ?? '').trim();
  });
}

/** Moves through the tree with the arrow keys until the focused row's name is `name`. */
async function arrowToTreeItem(page: Page, name: string, limit = 80) {
  for (let presses = 0; presses < limit; presses += 1) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The tree has no row named ${name} within ${limit} presses of ArrowDown.`);
}

async function pressNext(page: Page) {
  await tabTo(page, (element) => element.textContent === 'Next');
  await page.keyboard.press('Enter');
}

async function commandText(page: Page, title: string): Promise<string> {
  const block = page.getByRole('group', { name: title });
  return (await block.locator('pre code').textContent()) ?? '';
}

describe('given the example host console on the Contoso Health organisation in the emulator', () => {
  let moto: MotoServer;
  let seeded: SeededOrganization;
  let preview: ServerProcess;
  let session: BrowserSession;
  let workDir: string;

  beforeAll(async () => {
    preview = await startPreview();
    moto = await startMoto({ accountId: CONTOSO_HEALTH_ORGANIZATION.managementAccountId });
    seeded = await seedOrganization(moto, CONTOSO_HEALTH_ORGANIZATION);
    session = await launchBrowser({ viewport: { width: 1280, height: 1000 } });
    await session.context.addInitScript(
      exampleInitScript({
        organizations: [seeded.organization],
        managementAccounts: [
          {
            accountId: seeded.organization.managementAccountId,
            name: 'Contoso Health Management',
            connected: false,
          },
        ],
        deploymentSettings: { trustedAccountId: TRUSTED_ACCOUNT_ID, externalId: EXTERNAL_ID },
      }),
    );
    workDir = await mkdtemp(path.join(tmpdir(), 'aws-connection-wizard-e2e-'));
  }, 600_000);

  afterAll(async () => {
    await session?.close();
    await preview?.stop();
    await moto?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('should create a connection with the keyboard alone, and its commands should deploy exactly that scope', async () => {
    const { page } = session;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(preview.url, { waitUntil: 'networkidle' });

    await tabTo(page, (element) => element.textContent === 'Create connection');
    await page.keyboard.press('Enter');

    // 1. Details
    await page.getByRole('textbox', { name: /Connection name/ }).waitFor();
    await tabTo(page, (element) => element.getAttribute('name') === 'connectionName');
    await page.keyboard.type(CONNECTION_NAME);
    await page.getByText('Available', { exact: true }).waitFor();
    const roleName = `doit-cloudflow-${await page
      .getByRole('textbox', { name: /IAM role name/ })
      .inputValue()}`;
    expect(await findAxeViolations(page)).toEqual([]);
    await pressNext(page);

    // 2. Scope: Infrastructure (which holds the management account), minus one account.
    await tabTo(page, (element) => element.tagName === 'SELECT');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('tree').waitFor();
    await tabTo(page, (element) => element.getAttribute('role') === 'treeitem');
    await arrowToTreeItem(page, 'Infrastructure');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await arrowToTreeItem(page, 'Prod');
    await page.keyboard.press('ArrowRight');
    await arrowToTreeItem(page, 'Directory Services');
    await page.keyboard.press('Space');
    const excluded = page.getByRole('treeitem', { name: 'Directory Services' });
    await expect(excluded.getAttribute('aria-checked')).resolves.toBe('false');
    await tabTo(page, (element) => element.getAttribute('role') === 'radio');
    await page.keyboard.press('Space');
    await expect(
      page.getByRole('radio', { name: 'Include management account' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    expect(await findAxeViolations(page)).toEqual([]);
    await pressNext(page);

    // 3. Policies and permissions
    await tabTo(
      page,
      (element) => element.getAttribute('aria-label')?.startsWith('Allowed action') ?? false,
    );
    await page.keyboard.type('ce:GetCostAndUsage');
    await pressNext(page);

    // 4. Deploy to AWS
    await page.getByRole('group', { name: 'Create the StackSet' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    const stackSetScript = await commandText(page, 'Create the StackSet');
    const managementScript = await commandText(page, 'Create the role in the management account');
    const template = await commandText(page, 'CloudFormation template');
    await pressNext(page);

    // 5. User access
    await tabTo(page, (element) => element.textContent === 'Finish connection');
    await page.keyboard.press('Enter');
    await page
      .getByText(/created/)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);

    // The real tools judge what the page showed.
    const scriptFile = path.join(workDir, 'stackset.sh');
    const managementFile = path.join(workDir, 'management-account.sh');
    const templateFile = path.join(workDir, 'template.yaml');
    await writeFile(scriptFile, stackSetScript);
    await writeFile(managementFile, managementScript);
    await writeFile(templateFile, template);
    await execFileAsync('bash', ['-n', scriptFile]);
    await execFileAsync('bash', ['-n', managementFile]);
    await execFileAsync('shellcheck', [scriptFile, managementFile]);
    await execFileAsync('cfn-lint', [templateFile]);

    // The management account first, then its stack is deleted: the emulator keeps one IAM store
    // for every account, where real AWS keeps one per account, so the role's name would clash.
    const managed = await runBash(managementScript, { moto });
    expect(managed, managed.stderr).toMatchObject({ exitCode: 0 });
    const role = await aws<{ Role: { AssumeRolePolicyDocument: unknown } }>(moto, [
      'iam',
      'get-role',
      '--role-name',
      roleName,
    ]);
    expect(role.Role.AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${TRUSTED_ACCOUNT_ID}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
        },
      ],
    });
    const stackName = /^STACK_NAME='([^']*)'$/m.exec(managementScript)?.[1] ?? '';
    await aws(moto, ['cloudformation', 'delete-stack', '--stack-name', stackName]);

    const ran = await runBash(stackSetScript, { moto });
    expect(ran.stderr).not.toContain('Traceback');
    expect(ran, ran.stderr).toMatchObject({ exitCode: 0 });
    expect(roleName).toMatch(/^doit-cloudflow-[\w+=,.@-]{1,49}$/);
    const stackSetName = /^STACK_SET_NAME='([^']*)'$/m.exec(stackSetScript)?.[1] ?? '';
    expect(stackSetName).toMatch(/^[a-zA-Z][a-zA-Z0-9-]{0,127}$/);
    const described = await aws<{
      StackSet: {
        Parameters: { ParameterKey: string; ParameterValue: string }[];
        TemplateBody: string;
      };
    }>(moto, ['cloudformation', 'describe-stack-set', '--stack-set-name', stackSetName]);
    const parameters = Object.fromEntries(
      described.StackSet.Parameters.map((parameter) => [
        parameter.ParameterKey,
        parameter.ParameterValue,
      ]),
    );
    expect(parameters).toMatchObject({
      RoleName: roleName,
      TrustedAccountId: TRUSTED_ACCOUNT_ID,
      ExternalId: EXTERNAL_ID,
    });
    // The emulator keeps the template as sent: the one the page showed, byte for byte.
    expect(described.StackSet.TemplateBody.trim()).toBe(template.trim());
    // The emulator does not judge these, so read them from the command itself.
    const createStackSet = stackSetScript
      .slice(stackSetScript.indexOf('aws cloudformation create-stack-set'))
      .split(/\n(?! )/)[0];
    expect(createStackSet).toContain('--permission-model SERVICE_MANAGED');
    expect(createStackSet).toContain('--auto-deployment Enabled=true');
    expect(createStackSet).toContain('--capabilities CAPABILITY_NAMED_IAM');
    const targets = [...stackSetScript.matchAll(/--deployment-targets '([^']*)'/g)].map((match) =>
      JSON.parse(match[1]),
    );
    expect(targets).toEqual([
      {
        OrganizationalUnitIds: [seeded.idOf('Infrastructure')],
        Accounts: [seeded.idOf('Directory Services')],
        AccountFilterType: 'DIFFERENCE',
      },
    ]);

    const instances = await aws<{ Summaries: { Account: string }[] }>(moto, [
      'cloudformation',
      'list-stack-instances',
      '--stack-set-name',
      stackSetName,
    ]);
    expect(instances.Summaries.length).toBeGreaterThan(0);

    expect(await page.evaluate(() => document.body.textContent)).toContain(CONNECTION_NAME);
  }, 300_000);
});
