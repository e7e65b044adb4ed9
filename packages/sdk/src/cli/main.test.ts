import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { INLINE_POLICY_MAX_CHARACTERS, inlinePolicySize } from '@aws-connection-wizard/core';

import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { toAwsOrganizationJson } from '../samples/awsJson';
import { EXIT_INVALID_INPUT, EXIT_OK, runCli } from './main';

const WORKLOADS_PROD = 'ou-nw7k-om75wbbr';
const SECURITY_PROD = 'ou-nw7k-benyjqwx';
const NETWORK_HUB = '194650323160';
const ML_SERVING_PROD = '249715982027';
const LEGACY_MARKETING_SUSPENDED = '300980329511';

const baseAnswers = {
  connectionName: 'Northwind production',
  managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
  scope: {
    selected: [WORKLOADS_PROD, SECURITY_PROD, NETWORK_HUB, NORTHWIND_MANAGEMENT_ACCOUNT_ID],
    excluded: [ML_SERVING_PROD],
  },
  policies: { allowedActions: ['ec2:DescribeInstances', 's3:GetBucket*'] },
  access: [{ email: 'amelia.hart@example.com', level: 'owner' }],
};

let workDir: string;

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'plan-cli-'));
  writeFileSync(
    path.join(workDir, 'org.json'),
    JSON.stringify(toAwsOrganizationJson(NORTHWIND_ORGANIZATION)),
  );
});

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

async function run(args: string[], answers?: unknown, platform?: unknown) {
  if (answers !== undefined) {
    writeFileSync(
      path.join(workDir, 'answers.json'),
      typeof answers === 'string' ? answers : JSON.stringify(answers),
    );
  }
  if (platform !== undefined) {
    writeFileSync(path.join(workDir, 'platform.json'), JSON.stringify(platform));
  }
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: workDir,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const PLAN_ARGS = ['plan', '--org', 'org.json', '--answers', 'answers.json', '--out', 'out'];

function outFile(name: string): string {
  return readFileSync(path.join(workDir, 'out', name), 'utf8');
}

function tool(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: path.join(workDir, 'out'), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('given valid answers for the Northwind organisation', () => {
  it('should write every artefact and a plan that the real tools accept', async () => {
    const result = await run(PLAN_ARGS, baseAnswers);

    expect(result.stderr).toContain('Note: platform.externalId not given');
    expect(result.code).toBe(EXIT_OK);
    expect(readdirSync(path.join(workDir, 'out')).sort()).toEqual([
      'main.tf',
      'management-account.sh',
      'plan.json',
      'stackset.sh',
      'template.yaml',
    ]);
    for (const script of ['stackset.sh', 'management-account.sh']) {
      expect(tool('bash', ['-n', script])).toMatchObject({ status: 0 });
      expect(tool('shellcheck', ['--severity=style', script])).toEqual({ status: 0, output: '' });
      expect(statSync(path.join(workDir, 'out', script)).mode & 0o111).not.toBe(0);
    }
    expect(tool('cfn-lint', ['template.yaml'])).toEqual({ status: 0, output: '' });
    expect(tool('terraform', ['fmt', '-check', '-diff', 'main.tf'])).toMatchObject({ status: 0 });
  });

  it('should describe the operations, the management account, coverage and warnings in plan.json', async () => {
    await run(PLAN_ARGS, baseAnswers);
    const plan = JSON.parse(outFile('plan.json'));

    expect(plan.operations).toEqual([
      {
        stackSet: 'doit-cloudflow-northwind-production',
        organizationalUnitIds: [SECURITY_PROD, WORKLOADS_PROD].sort(),
        accounts: [ML_SERVING_PROD],
        accountFilterType: 'DIFFERENCE',
      },
      {
        stackSet: 'doit-cloudflow-northwind-production-accounts',
        organizationalUnitIds: ['ou-nw7k-bn7xj8b7'],
        accounts: [NETWORK_HUB],
        accountFilterType: 'INTERSECTION',
      },
    ]);
    expect(plan.managementAccount).toEqual({
      id: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      inScope: true,
      coverage: 'direct',
      decision: null,
    });
    // Workloads/Prod holds 1 + 3 + 2 + 3 accounts, less one excluded; Security/Prod holds 3.
    expect(plan.coverage.now).toHaveLength(8 + 3 + 1 + 1);
    expect(plan.coverage.now).toContain(NORTHWIND_MANAGEMENT_ACCOUNT_ID);
    expect(plan.coverage.now).not.toContain(ML_SERVING_PROD);
    expect(plan.coverage.excluded).toEqual([ML_SERVING_PROD]);
    expect(plan.coverage.futureOus).toEqual(
      [SECURITY_PROD, WORKLOADS_PROD, 'ou-nw7k-4qmw2wxf', 'ou-nw7k-ogo4mvn4', 'ou-nw7k-a4wfhym4']
        .slice()
        .sort(),
    );
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({
        code: 'action.nameWildcard',
        field: 'answers.policies.allowedActions[1]',
      }),
    );
  });

  it('should print a summary of what gets the role now and later', async () => {
    const result = await run(PLAN_ARGS, baseAnswers);

    expect(result.stdout).toContain(
      'Connection "Northwind production": role doit-cloudflow-northwind-production in us-east-1',
    );
    expect(result.stdout).toContain('Now: 13 accounts get the role, 1 excluded.');
    expect(result.stdout).toContain('Later: accounts added to 5 OUs get the role automatically.');
    expect(result.stdout).toContain(
      'Management account 534439589175: in scope; run management-account.sh signed in to it.',
    );
    expect(result.stdout).toContain(
      'Wrote template.yaml, stackset.sh, management-account.sh, main.tf, plan.json to out\n',
    );
  });

  it('should write the same bytes twice, and for the same scope listed in another order', async () => {
    await run(PLAN_ARGS, baseAnswers);
    const first = readdirSync(path.join(workDir, 'out')).map((name) => [name, outFile(name)]);
    const reordered = {
      ...baseAnswers,
      scope: { ...baseAnswers.scope, selected: [...baseAnswers.scope.selected].reverse() },
    };
    await run(PLAN_ARGS, reordered);
    const second = readdirSync(path.join(workDir, 'out')).map((name) => [name, outFile(name)]);

    expect(second).toEqual(first);
  });

  it('should use the platform file and remove scripts an earlier plan left behind', async () => {
    await run(PLAN_ARGS, baseAnswers);
    const platform = { trustedAccountId: '111122223333', externalId: 'platform-ext-42' };
    const onlyManagement = {
      ...baseAnswers,
      scope: { selected: [NORTHWIND_MANAGEMENT_ACCOUNT_ID] },
    };
    const result = await run(
      [...PLAN_ARGS, '--platform', 'platform.json'],
      onlyManagement,
      platform,
    );

    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe('');
    expect(readdirSync(path.join(workDir, 'out')).sort()).toEqual([
      'main.tf',
      'management-account.sh',
      'plan.json',
      'template.yaml',
    ]);
    expect(JSON.parse(outFile('plan.json')).operations).toEqual([]);
    expect(outFile('management-account.sh')).toContain('111122223333');
    expect(outFile('management-account.sh')).toContain('platform-ext-42');
    expect(result.stdout).toContain('No StackSet: nothing to deploy with stackset.sh.');
  });
});

describe('given invalid input', () => {
  it('should exit 2 and name the answers file when it is not JSON', async () => {
    const result = await run(PLAN_ARGS, '{"connectionName": "x",');

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toMatch(/^answers: answers\.json is not valid JSON: /m);
  });

  it('should exit 2 naming a selected id the organisation does not have', async () => {
    const answers = {
      ...baseAnswers,
      scope: { selected: [WORKLOADS_PROD, SECURITY_PROD, 'ou-nw7k-zzzzzzzz'] },
    };
    const result = await run(PLAN_ARGS, answers);

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      'answers.scope.selected[2]: unknown id ou-nw7k-zzzzzzzz: it is not the root, an OU or an account of the organisation o-nw7k2m9q4x. [scope.unknownId]',
    );
  });

  it('should exit 2 naming a missing and an empty connection name', async () => {
    const { connectionName: _omitted, ...withoutName } = baseAnswers;
    const missing = await run(PLAN_ARGS, withoutName);
    const blank = await run(PLAN_ARGS, { ...baseAnswers, connectionName: '   ' });

    expect(missing.code).toBe(EXIT_INVALID_INPUT);
    expect(missing.stderr).toContain('answers.connectionName: is required. [schema.invalid_type]');
    expect(blank.code).toBe(EXIT_INVALID_INPUT);
    expect(blank.stderr).toContain(
      'answers.connectionName: is required: enter a connection name. [connectionName.required]',
    );
    // Nothing usable to derive a role name from either.
    expect(blank.stderr).toContain('answers.roleName: ');
  });

  it('should exit 2 naming each bad or repeated allowed action', async () => {
    const answers = {
      ...baseAnswers,
      policies: {
        allowedActions: ['ec2:DescribeInstances', 'ec2 Describe', 'EC2:describeinstances'],
      },
    };
    const result = await run(PLAN_ARGS, answers);

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      'answers.policies.allowedActions[1]: must have the form service:Action',
    );
    expect(result.stderr).toContain(
      'answers.policies.allowedActions[2]: repeats allowedActions[0] (IAM compares actions without regard to case). [action.duplicate]',
    );
  });

  it('should exit 2 when a selected OU holds the management account and no answer says whether to include it', async () => {
    const answers = { ...baseAnswers, scope: { selected: ['r-nw7k'] } };
    const result = await run(PLAN_ARGS, answers);

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      'answers.scope.managementAccount: is required: a selected root or OU contains the management account 534439589175, so answer "include" or "exclude". [scope.managementAccountDecision.required]',
    );
    const answered = {
      ...baseAnswers,
      scope: { selected: ['r-nw7k'], managementAccount: 'exclude' },
    };
    expect((await run(PLAN_ARGS, answered)).code).toBe(EXIT_OK);
    expect(readdirSync(path.join(workDir, 'out'))).not.toContain('management-account.sh');
  });

  it('should exit 2 naming unknown fields, bad enums, suspended picks and stray exclusions', async () => {
    const answers = {
      ...baseAnswers,
      conectionName: 'typo',
      scope: {
        selected: [SECURITY_PROD, LEGACY_MARKETING_SUSPENDED],
        excluded: [NETWORK_HUB],
        pickedAccountsAutoDeployment: 'sometimes',
      },
    };
    const shape = await run(PLAN_ARGS, answers);

    expect(shape.code).toBe(EXIT_INVALID_INPUT);
    expect(shape.stderr).toContain('answers.conectionName: is not a known field.');
    expect(shape.stderr).toContain(
      'answers.scope.pickedAccountsAutoDeployment: must be one of "off", "on".',
    );

    const { conectionName: _typo, ...fixed } = answers;
    const meaning = await run(PLAN_ARGS, {
      ...fixed,
      scope: { ...fixed.scope, pickedAccountsAutoDeployment: 'on' },
    });
    expect(meaning.code).toBe(EXIT_INVALID_INPUT);
    expect(meaning.stderr).toContain(
      `answers.scope.selected[1]: account ${LEGACY_MARKETING_SUSPENDED} is SUSPENDED and cannot take the role; remove it. [scope.notSelectable]`,
    );
    expect(meaning.stderr).toContain(
      `answers.scope.excluded[0]: account ${NETWORK_HUB} is not inside a selected root or OU`,
    );
  });

  it('should exit 2 on a management-account answer that nothing selected asks for, whatever it says', async () => {
    for (const decision of ['include', 'exclude']) {
      const result = await run(PLAN_ARGS, {
        ...baseAnswers,
        scope: { selected: [SECURITY_PROD], managementAccount: decision },
      });

      expect(result.code).toBe(EXIT_INVALID_INPUT);
      expect(result.stderr).toContain(
        `answers.scope.managementAccount: is "${decision}", but nothing in scope.selected contains the management account ${NORTHWIND_MANAGEMENT_ACCOUNT_ID}, so there is nothing to decide: to give it the role, add ${NORTHWIND_MANAGEMENT_ACCOUNT_ID} to scope.selected; otherwise remove this answer. [scope.managementAccountDecision.notCovered]`,
      );
    }
    // Without the answer the same scope plans, and the management account stays out.
    const plain = await run(PLAN_ARGS, { ...baseAnswers, scope: { selected: [SECURITY_PROD] } });
    expect(plain.code).toBe(EXIT_OK);
    expect(readdirSync(path.join(workDir, 'out'))).not.toContain('management-account.sh');
  });

  it('should exit 2 on an account both selected and excluded', async () => {
    const result = await run(PLAN_ARGS, {
      ...baseAnswers,
      scope: { selected: [WORKLOADS_PROD, ML_SERVING_PROD], excluded: [ML_SERVING_PROD] },
    });

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      `answers.scope.excluded[0]: account ${ML_SERVING_PROD} is also in scope.selected: choose whether it gets the role, and list it in one place only. [scope.selectedAndExcluded]`,
    );
  });

  it('should exit 2 naming the platform field and the management account that does not match', async () => {
    const answers = { ...baseAnswers, managementAccountId: '111122223333' };
    const result = await run([...PLAN_ARGS, '--platform', 'platform.json'], answers, {
      externalId: 'x',
      regionLocked: true,
    });

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain('platform.externalId: must be 2 to 1224 characters');
    const locked = await run(
      [...PLAN_ARGS, '--platform', 'platform.json'],
      { ...baseAnswers, region: 'eu-west-1' },
      { region: 'eu-central-1', regionLocked: true, templateUrl: 'http://example.com/t.yaml' },
    );
    expect(locked.code).toBe(EXIT_INVALID_INPUT);
    expect(locked.stderr).toContain(
      'platform.templateUrl: must be the https Amazon S3 URL of an object, of at most 1024 characters. [settings.templateUrl.invalid]',
    );
    expect(locked.stderr).toContain(
      'answers.region: cannot be chosen: the platform fixes the Region to eu-central-1. [region.locked]',
    );
    const second = await run([...PLAN_ARGS, '--platform', 'platform.json'], answers, {});
    expect(second.stderr).toContain(
      "answers.managementAccountId: is not the organisation's management account, which is 534439589175. [managementAccount.mismatch]",
    );
  });

  it('should exit 2 with the usage when the organisation or the answers are not given', async () => {
    const result = await run(['plan', '--answers', 'answers.json'], baseAnswers);
    const unknownOption = await run(['plan', '--org', 'org.json', '--colour'], baseAnswers);

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain('Usage:');
    expect(result.stderr).toContain('--org: give exactly one of --org ORG.json and --from-aws.');
    expect(unknownOption.code).toBe(EXIT_INVALID_INPUT);
    expect(unknownOption.stderr).toMatch(/^arguments: .*--colour/m);
  });

  it('should exit 2 naming the organisation file when it is not AWS Organizations JSON', async () => {
    writeFileSync(path.join(workDir, 'org.json'), JSON.stringify({ Organization: {} }));
    const result = await run(PLAN_ARGS, baseAnswers);

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toMatch(/^org: The AWS Organizations document is not valid: /m);
  });

  it('should require a template URL for a template too large to pass inline, and then use it', async () => {
    // Twenty managed policies with the longest paths and names, and as many short allowed
    // actions as the inline policies hold: a template beyond CloudFormation's 51,200 bytes.
    const allowedActions: string[] = [];
    for (let index = 0; ; index += 1) {
      const next = `${Math.floor(index / 36).toString(36)}:${(index % 36).toString(36)}`;
      const size = inlinePolicySize('doit-cloudflow-northwind-production', [
        ...allowedActions,
        next,
      ]);
      if (size > INLINE_POLICY_MAX_CHARACTERS) break;
      allowedActions.push(next);
    }
    const answers = {
      ...baseAnswers,
      description: 'd'.repeat(1000),
      policies: {
        managedPolicyArns: Array.from(
          { length: 20 },
          (_, index) => `arn:aws:iam::aws:policy/${'p'.repeat(510)}/${'n'.repeat(120)}${index}`,
        ),
        allowedActions,
      },
    };
    const platform = { externalId: 'tenant-northwind', managedPolicyQuota: 20 };
    const refused = await run([...PLAN_ARGS, '--platform', 'platform.json'], answers, platform);
    expect(refused.code).toBe(EXIT_INVALID_INPUT);
    expect(refused.stderr).toContain(
      'platform.templateUrl: make a template larger than CloudFormation accepts inline; the platform must host it (templateUrl). [template.tooLarge]',
    );

    const templateUrl = 'https://connection-templates.s3.amazonaws.com/northwind/role.yaml';
    const hosted = await run([...PLAN_ARGS, '--platform', 'platform.json'], answers, {
      ...platform,
      templateUrl,
    });
    expect(hosted.stderr).not.toContain('[template.tooLarge]');
    expect(hosted.code).toBe(EXIT_OK);
    const template = readFileSync(path.join(workDir, 'out', 'template.yaml'));
    expect(template.length).toBeGreaterThan(51_200);
    for (const name of ['stackset.sh', 'management-account.sh']) {
      const script = readFileSync(path.join(workDir, 'out', name), 'utf8');
      expect(script).toContain(`TEMPLATE_URL='${templateUrl}'`);
      expect(script).toContain('--template-url "$TEMPLATE_URL"');
      expect(script).not.toContain('TEMPLATE_BODY');
      const parsed = spawnSync('bash', ['-n', path.join(workDir, 'out', name)]);
      expect(parsed.status).toBe(0);
    }
    const lint = spawnSync(
      'shellcheck',
      ['--severity=style', 'out/stackset.sh', 'out/management-account.sh'],
      {
        cwd: workDir,
        encoding: 'utf8',
      },
    );
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);
  });
});
