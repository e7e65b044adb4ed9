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
import type { Locator, Page } from 'playwright-core';

import {
  aws,
  exampleInitScript,
  findAxeViolations,
  launchBrowser,
  runBash,
  seedOrganization,
  startMoto,
  startPreview,
  tabTo,
} from './harness';
import type { BrowserSession, MotoServer, SeededOrganization, ServerProcess } from './harness';

const execFileAsync = promisify(execFile);

const TRUSTED_ACCOUNT_ID = '068664126052';
const EXTERNAL_ID = 'contoso-health:7f3c,2a=ext/id@1';
/**
 * Quotes of both kinds, a command substitution and a parameter expansion. A connection name is
 * shown as text and quoted in every artefact, so it is accepted; an IAM role name cannot hold
 * these characters, so typed there it is refused at the field.
 */
const HOSTILE = `a'b"$(x)\${y}`;
const CONNECTION_NAME = HOSTILE;
const ROLE_NAME_SUFFIX = 'keyboard-walk';
const ROLE_NAME = `doit-cloudflow-${ROLE_NAME_SUFFIX}`;
const MANAGED_POLICY = 'ReadOnlyAccess';
const ALLOWED_ACTIONS = ['ce:GetCostAndUsage', 's3:GetObject'];
/** A user of the sample directory, found by typing part of the name. */
const COLLABORATOR = { search: 'grace', email: 'grace.liu@example.com' };

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

/** The *Next* of the open step (a closing step may still show its own for a moment). */
function nextButton(page: Page) {
  return page.locator('.awcw-accordion-content[data-state="open"]').getByRole('button', {
    name: 'Next',
    exact: true,
  });
}

async function pressNext(page: Page) {
  await tabTo(page, nextButton(page));
  await page.keyboard.press('Enter');
}

/**
 * Replaces a text field's value with Backspace and typing. Reached by Tab, the field's text is
 * selected, so the first Backspace clears it; the others clear it from a caret at its end.
 */
async function retype(page: Page, field: Locator, text: string) {
  const length = (await field.inputValue()).length;
  for (let presses = 0; presses < Math.max(length, 1); presses += 1) {
    await page.keyboard.press('Backspace');
  }
  await expect(field.inputValue()).resolves.toBe('');
  await page.keyboard.type(text);
}

/** The text of the messages that describe a control (`aria-describedby`). */
function descriptionOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );
}

async function commandText(page: Page, title: string): Promise<string> {
  const block = page.getByRole('group', { name: title });
  return (await block.locator('pre code').textContent()) ?? '';
}

/**
 * Waits for the host to list the new connection, and fails at once, with what the page says,
 * if the wizard reports a failure instead: a failure can never pass for success.
 */
async function waitForCreatedConnection(page: Page, name: string) {
  const row = page
    .getByRole('table', { name: 'AWS connections' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const failure = page.getByRole('main').getByRole('alert');
  const outcome = await Promise.race([
    row.waitFor({ timeout: 30_000 }).then(() => 'created' as const),
    failure.waitFor({ timeout: 30_000 }).then(() => 'failed' as const),
  ]);
  if (outcome === 'failed') {
    throw new Error(`The wizard reported a failure: ${await failure.textContent()}`);
  }
  return row;
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

    await tabTo(page, page.getByRole('button', { name: 'Create connection' }));
    await page.keyboard.press('Enter');

    // 1. Details: the hostile text is a fine connection name, but refused as a role name.
    const connectionName = page.getByRole('textbox', { name: /Connection name/ });
    await tabTo(page, connectionName);
    await page.keyboard.type(CONNECTION_NAME);
    await page.getByText('Available', { exact: true }).waitFor();
    const roleName = page.getByRole('textbox', { name: /IAM role name/ });
    await tabTo(page, roleName);
    await retype(page, roleName, HOSTILE);
    await expect(roleName.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(descriptionOf(roleName)).resolves.toContain('is not allowed in IAM role names');
    await expect(roleName.inputValue()).resolves.toBe(HOSTILE);
    // Next refuses to move on and leaves what was typed in place.
    await pressNext(page);
    await expect(
      page.getByRole('button', { name: /Details/ }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    await expect(roleName.inputValue()).resolves.toBe(HOSTILE);
    await tabTo(page, roleName, { backwards: true });
    await retype(page, roleName, ROLE_NAME_SUFFIX);
    await expect(roleName.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(connectionName.inputValue()).resolves.toBe(CONNECTION_NAME);
    expect(await findAxeViolations(page)).toEqual([]);
    await pressNext(page);

    // 2. Scope: Infrastructure (which holds the management account), minus one account.
    await tabTo(page, page.getByRole('combobox', { name: /Management account/ }));
    await page.keyboard.press('ArrowDown');
    await page.getByRole('tree').waitFor();
    await tabTo(page, page.getByRole('treeitem').first());
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
    const include = page.getByRole('radio', { name: 'Include management account' });
    await tabTo(page, include);
    await page.keyboard.press('Space');
    await expect(include.getAttribute('aria-checked')).resolves.toBe('true');
    expect(await findAxeViolations(page)).toEqual([]);
    await pressNext(page);

    // 3. Policies and permissions: a managed policy found by search, and two allowed actions.
    await tabTo(page, page.getByRole('searchbox', { name: 'Search AWS managed policies' }));
    await page.keyboard.type(MANAGED_POLICY);
    await page.keyboard.press('ArrowDown');
    const policyOption = page.getByRole('checkbox', { name: MANAGED_POLICY, exact: true });
    await expect(
      policyOption.evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect(policyOption.getAttribute('aria-checked')).resolves.toBe('true');
    await expect(
      page.getByRole('list', { name: 'Selected policies' }).textContent(),
    ).resolves.toContain(MANAGED_POLICY);
    await tabTo(page, page.getByRole('textbox', { name: 'Allowed action 1' }));
    await page.keyboard.type(ALLOWED_ACTIONS[0]);
    await tabTo(page, page.getByRole('button', { name: 'Add another allowed action' }));
    await page.keyboard.press('Enter');
    const secondAction = page.getByRole('textbox', { name: 'Allowed action 2' });
    await expect(
      secondAction.evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.type(ALLOWED_ACTIONS[1]);
    expect(await findAxeViolations(page)).toEqual([]);
    await pressNext(page);

    // 4. Deploy to AWS: the StackSet tab's commands, then the Terraform tab by arrow key.
    await page.getByRole('group', { name: 'Create the StackSet' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    const stackSetScript = await commandText(page, 'Create the StackSet');
    const managementScript = await commandText(page, 'Create the role in the management account');
    const template = await commandText(page, 'CloudFormation template');
    await tabTo(page, page.getByRole('tab', { name: 'CloudFormation StackSet' }));
    await page.keyboard.press('ArrowRight');
    const terraformTab = page.getByRole('tab', { name: 'Terraform' });
    await expect(terraformTab.getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('group', { name: 'Terraform configuration' }).waitFor();
    const terraform = await commandText(page, 'Terraform configuration');
    expect(await findAxeViolations(page)).toEqual([]);
    await pressNext(page);

    // 5. User access: one more person, chosen from the directory's suggestions.
    await tabTo(page, page.getByRole('button', { name: 'Add another account' }));
    await page.keyboard.press('Enter');
    const email = page.getByRole('combobox', { name: 'Email of user 2' });
    await expect(email.evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );
    await page.keyboard.type(COLLABORATOR.search);
    await page.getByRole('option', { name: new RegExp(COLLABORATOR.email) }).waitFor();
    // Still typing: nothing is called wrong yet.
    await expect(email.getAttribute('aria-invalid')).resolves.toBeNull();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(email.inputValue()).resolves.toBe(COLLABORATOR.email);
    await tabTo(page, page.getByRole('button', { name: 'Finish connection' }));
    await expect(email.getAttribute('aria-invalid')).resolves.toBeNull();
    await page.keyboard.press('Enter');

    const row = await waitForCreatedConnection(page, CONNECTION_NAME);
    await expect(row.locator('td').first().textContent()).resolves.toBe(ROLE_NAME);
    await expect(row.getByRole('listitem').allTextContents()).resolves.toEqual([
      'amelia.hart@example.com (owner)',
      `${COLLABORATOR.email} (user)`,
    ]);
    await row.getByText('Active', { exact: true }).waitFor({ timeout: 15_000 });
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
    const terraformFile = path.join(workDir, 'main.tf');
    await writeFile(terraformFile, terraform);
    // `terraform fmt` parses the configuration and exits non-zero on a syntax error.
    await execFileAsync('terraform', ['fmt', '-no-color', terraformFile]);
    expect(terraform).toContain(ROLE_NAME);
    expect(terraform).toContain(`arn:aws:iam::aws:policy/${MANAGED_POLICY}`);
    for (const action of ALLOWED_ACTIONS) expect(terraform).toContain(action);

    // The management account first, then its stack is deleted: the emulator keeps one IAM store
    // for every account, where real AWS keeps one per account, so the role's name would clash.
    const managed = await runBash(managementScript, { moto });
    expect(managed, managed.stderr).toMatchObject({ exitCode: 0 });
    const role = await aws<{ Role: { AssumeRolePolicyDocument: unknown } }>(moto, [
      'iam',
      'get-role',
      '--role-name',
      ROLE_NAME,
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
    // The emulator's CloudFormation ignores a role's ManagedPolicyArns, so read the policy from
    // the template it ran, with the allowed actions of the inline policy.
    for (const action of ALLOWED_ACTIONS) expect(template).toContain(action);
    expect(template).toMatch(
      new RegExp(
        `ManagedPolicyArns:\\s*\\n\\s*- ['"]?arn:aws:iam::aws:policy/${MANAGED_POLICY}\\b`,
      ),
    );
    const stackName = /^STACK_NAME='([^']*)'$/m.exec(managementScript)?.[1] ?? '';
    await aws(moto, ['cloudformation', 'delete-stack', '--stack-name', stackName]);

    const ran = await runBash(stackSetScript, { moto });
    expect(ran.stderr).not.toContain('Traceback');
    expect(ran, ran.stderr).toMatchObject({ exitCode: 0 });
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
      RoleName: ROLE_NAME,
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
