/**
 * The plan command and the wizard make the same files: the real wizard machine, on the
 * in-memory adapters (whose platform settings are the command's defaults), is clicked through
 * to the Deploy step, and the command is run on the same answers.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createActor, waitFor } from 'xstate';

import { createWizardSenders, getWizardView, wizardMachine } from '@aws-connection-wizard/core';
import type { WizardView } from '@aws-connection-wizard/core';

import { bindAdapters } from '../bind';
import { createInMemoryAdapters } from '../memory/inMemoryAdapters';
import { toAwsOrganizationJson } from '../samples/awsJson';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { EXIT_INVALID_INPUT, EXIT_OK, runCli } from './main';

interface Scenario {
  name: string;
  connectionName: string;
  description: string;
  /** Clicks on the organisation tree, in order. */
  clicks: string[];
  managementAccount?: 'include' | 'exclude';
  pickedAccountsAutoDeployment?: 'on';
  /** The same scope as the answers file states it. */
  scope: Record<string, unknown>;
  managedPolicyArns: string[];
  allowedActions: string[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'two OUs with an exclusion, one account picked and the management account picked',
    connectionName: 'Northwind production',
    description: 'Cost reads',
    clicks: [
      'ou-nw7k-om75wbbr',
      'ou-nw7k-benyjqwx',
      '194650323160',
      '534439589175',
      '249715982027',
    ],
    scope: {
      selected: ['ou-nw7k-om75wbbr', 'ou-nw7k-benyjqwx', '194650323160', '534439589175'],
      excluded: ['249715982027'],
    },
    managedPolicyArns: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
    allowedActions: ['ce:GetCostAndUsage', 's3:GetBucket*'],
  },
  {
    name: 'the root with exclusions and the management account included',
    connectionName: 'Ops \'all\' $(accounts) "quoted", ünïcode ✨',
    description: 'Everything; with ${interpolation} and %{directives}',
    clicks: ['r-nw7k', '718744967223', '612450360047'],
    managementAccount: 'include',
    scope: {
      selected: ['r-nw7k'],
      excluded: ['612450360047', '718744967223'],
      managementAccount: 'include',
    },
    managedPolicyArns: [],
    allowedActions: ['ec2:DescribeRegions', 'cloudwatch:GetMetricData'],
  },
  {
    name: 'accounts picked under the root and in an OU with automatic deployment on for them',
    connectionName: 'Picks',
    description: '',
    clicks: ['282184450280', '592759215392', 'ou-nw7k-s6puq80i'],
    pickedAccountsAutoDeployment: 'on',
    scope: {
      selected: ['282184450280', '592759215392', 'ou-nw7k-s6puq80i'],
      pickedAccountsAutoDeployment: 'on',
    },
    managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    allowedActions: [],
  },
  {
    // The template tells cfn-lint to skip its action check only when the IAM action catalogue
    // does not list an action, so the command must lint with the wizard's catalogue.
    name: 'an action IAM does not list and one an attached policy already grants',
    connectionName: 'Lint',
    description: '',
    clicks: ['ou-nw7k-om75wbbr'],
    scope: { selected: ['ou-nw7k-om75wbbr'] },
    managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    allowedActions: ['s3:GetObject', 'foo:Bar', 'iam:PassRole'],
  },
];

function startWizard() {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });
  const actor = createActor(wizardMachine.provide({ actors: bindAdapters(adapters) }), {
    input: { nameCheckDelayMs: 0, draftSaveDelayMs: 0, userSearchDelayMs: 0 },
  });
  actor.start();
  const senders = createWizardSenders(actor.send);
  const until = async (predicate: (view: WizardView) => boolean) => {
    try {
      return getWizardView(
        await waitFor(actor, (snapshot) => predicate(getWizardView(snapshot)), { timeout: 5000 }),
      );
    } catch (error) {
      const view = getWizardView(actor.getSnapshot());
      throw new Error(
        `Stuck in ${view.phase}/${view.openStep}: ${JSON.stringify(view.steps.map((step) => [step.id, step.state, step.issueCount]))} ${JSON.stringify(view.details)} ${JSON.stringify(view.scope.issues)}`,
        { cause: error },
      );
    }
  };

  return { actor, senders, until };
}

/** The wizard with the details and scope of `scenario` entered, at the Policies step. */
async function policiesStepIn(scenario: Scenario) {
  const { actor, senders, until } = startWizard();
  await until((v) => v.phase === 'choosingPath');
  senders.choosePath('dedicatedRole');
  await until((v) => v.phase === 'editing');
  senders.selectManagementAccount(NORTHWIND_MANAGEMENT_ACCOUNT_ID);
  senders.changeDetails('description', scenario.description);
  senders.changeDetails('connectionName', scenario.connectionName);
  await until((v) => v.details.nameCheck.status === 'available');
  senders.next();
  await until((v) => v.openStep === 'scope' && v.scope.index !== null);
  for (const id of scenario.clicks) senders.toggleScopeNode(id);
  if (scenario.managementAccount) senders.decideManagementAccount(scenario.managementAccount);
  if (scenario.pickedAccountsAutoDeployment) senders.setPickedAccountsAutoDeployment('on');
  senders.next();
  await until((v) => v.openStep === 'policies');
  senders.setManagedPolicies(scenario.managedPolicyArns);
  senders.setAllowedActions(scenario.allowedActions);
  // The lint waits for the IAM action catalogue, which the wizard loads as it starts.
  await waitFor(actor, (snapshot) => snapshot.context.iamActions !== null, { timeout: 5000 });
  return { actor, senders, until };
}

async function deployStepIn(scenario: Scenario) {
  const { actor, senders, until } = await policiesStepIn(scenario);
  const policies = getWizardView(actor.getSnapshot()).policies;
  senders.next();
  const view = await until((v) => v.openStep === 'deploy' && v.deploy.files.length > 0);
  actor.stop();
  return { view, policies };
}

const FILE_OF_ARTEFACT = {
  template: 'template.yaml',
  stackSetScript: 'stackset.sh',
  managementAccountScript: 'management-account.sh',
  terraform: 'main.tf',
} as const;

let workDir: string;

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'plan-parity-'));
});

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe.each(SCENARIOS)('given $name', (scenario) => {
  it('should write byte for byte the files the Deploy step offers, and the plan it shows', async () => {
    const { view, policies } = await deployStepIn(scenario);
    writeFileSync(
      path.join(workDir, 'org.json'),
      JSON.stringify(toAwsOrganizationJson(NORTHWIND_ORGANIZATION)),
    );
    writeFileSync(
      path.join(workDir, 'answers.json'),
      JSON.stringify({
        connectionName: scenario.connectionName,
        description: scenario.description,
        managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
        scope: scenario.scope,
        policies: {
          managedPolicyArns: scenario.managedPolicyArns,
          allowedActions: scenario.allowedActions,
        },
      }),
    );
    const code = await runCli(
      ['plan', '--org', 'org.json', '--answers', 'answers.json', '--out', 'out'],
      { cwd: workDir, stdout: () => undefined, stderr: () => undefined },
    );
    expect(code).toBe(EXIT_OK);

    const written = readdirSync(path.join(workDir, 'out')).sort();
    const offered = view.deploy.files.map((file) => FILE_OF_ARTEFACT[file.id]);
    expect(written).toEqual([...offered, 'plan.json'].sort());
    for (const file of view.deploy.files) {
      const bytes = readFileSync(path.join(workDir, 'out', FILE_OF_ARTEFACT[file.id]));
      expect(bytes.equals(Buffer.from(file.content, 'utf8'))).toBe(true);
    }

    const plan = JSON.parse(readFileSync(path.join(workDir, 'out', 'plan.json'), 'utf8'));
    const shown = view.scope.plan!;
    expect(plan.operations).toEqual(
      shown.stackSets.flatMap((stackSet, position) =>
        stackSet.operations.map((operation) => ({
          stackSet: view.deploy.stackSetNames[position],
          ...operation,
        })),
      ),
    );
    expect(plan.coverage).toEqual(shown.coverage);
    expect(plan.managementAccount).toEqual({
      id: shown.managementAccount.id,
      inScope: shown.managementAccount.inScope,
      coverage: shown.managementAccount.coverage,
      decision: shown.managementAccount.decision,
    });
    expect(plan.warnings.filter((w: { field: string }) => w.field === 'answers.scope')).toEqual(
      shown.warnings.map((warning) => ({ ...warning, field: 'answers.scope' })),
    );
    // The same risks, for the same rows, as the Policies step shows.
    expect(
      plan.warnings
        .filter((w: { field: string }) => w.field.startsWith('answers.policies.'))
        .map((w: { field: string; code: string }) => [w.field, w.code]),
    ).toEqual(
      Object.entries(policies.warnings).flatMap(([path, risks]) => {
        const [, list, row] = path.split('.');
        return risks.map((risk) => [`answers.policies.${list}[${row}]`, risk.code]);
      }),
    );
  });
});

describe('given allowed actions whose inline policies exceed what IAM allows', () => {
  it('should refuse them with the size the Policies step shows, for the same role name', async () => {
    // One long action: the size counts the role name in the base policy's ARN too.
    const scenario: Scenario = {
      ...SCENARIOS[0]!,
      managedPolicyArns: [],
      allowedActions: [`s3:Get${'x'.repeat(10_150)}`],
    };
    const { actor, senders, until } = await policiesStepIn(scenario);
    senders.next();
    const view = await until((v) => v.policies.issues['policies.allowedActions'] !== undefined);
    actor.stop();
    expect(view.openStep).toBe('policies');
    const issue = view.policies.issues['policies.allowedActions']!;
    expect(issue.code).toBe('policies.inlinePolicyTooLarge');

    writeFileSync(
      path.join(workDir, 'org.json'),
      JSON.stringify(toAwsOrganizationJson(NORTHWIND_ORGANIZATION)),
    );
    writeFileSync(
      path.join(workDir, 'answers.json'),
      JSON.stringify({
        connectionName: scenario.connectionName,
        managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
        scope: scenario.scope,
        policies: { allowedActions: scenario.allowedActions },
      }),
    );
    let stderr = '';
    const code = await runCli(
      ['plan', '--org', 'org.json', '--answers', 'answers.json', '--out', 'out'],
      { cwd: workDir, stdout: () => undefined, stderr: (text) => (stderr += text) },
    );
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stderr).toContain(
      `answers.policies.allowedActions: make an inline policy of ${String(issue.params?.size)} characters, more than the 10240 IAM allows`,
    );
  });
});
