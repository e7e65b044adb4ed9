/**
 * Runs the generated scripts, unchanged, against the local AWS API emulator (moto): the AWS CLI
 * must send exactly the intended parameters and trust policy. moto does not judge which accounts
 * a deployment target reaches, so nothing here asserts that.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { validateDetails } from '../model/validation';
import { validatePolicies } from '../policies';
import { HOSTILE_VALUE_CATALOGUE } from '../testing/hostileValues';
import { judge, type HostileField } from '../testing/hostileValuesJudge';
import { templateDescription } from './checks';
import { ArtefactError, artefactErrorIssue } from './errors';
import { generateArtefacts } from './generate';
import { stackSetNameFor, stackSetNameForKey } from './names';
import { INLINE_POLICY_MAX_CHARACTERS, inlinePolicySize } from './permissions';
import type { DeploymentPlan } from '../scope/types';
import type { ArtefactInput } from './types';

const MANAGEMENT_ACCOUNT_ID = '111122223333';
const TRUSTED_ACCOUNT_ID = '068664126052';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('No port was assigned.'));
      });
    });
  });
}

let moto: ChildProcess | undefined;
let env: NodeJS.ProcessEnv = {};
let workDirectory = '';

function aws(...args: string[]): unknown {
  const result = spawnSync('aws', [...args, '--output', 'json'], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`aws ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim() === '' ? null : JSON.parse(result.stdout);
}

function runScript(name: string, script: string) {
  const path = join(workDirectory, name);
  writeFileSync(path, script);
  return spawnSync('bash', [path], { env, encoding: 'utf8' });
}

beforeAll(async () => {
  const port = await freePort();
  workDirectory = mkdtempSync(join(tmpdir(), 'artefact-moto-'));
  const outside: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...outside, MOTO_ACCOUNT_ID: MANAGEMENT_ACCOUNT_ID },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  // Only the emulator: no profile or config file can point a call at real AWS.
  env = {
    ...outside,
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) break;
    } catch (error) {
      if (attempt > 100) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

afterAll(() => {
  if (moto?.pid !== undefined) process.kill(moto.pid, 'SIGTERM');
  rmSync(workDirectory, { recursive: true, force: true });
});

describe('given an organisation in the emulator and a hostile connection', () => {
  let input: ArtefactInput;

  beforeAll(() => {
    aws('organizations', 'create-organization', '--feature-set', 'ALL');
    const roots = aws('organizations', 'list-roots') as { Roots: { Id: string }[] };
    const rootId = roots.Roots[0]!.Id;
    const ouIds = ['Prod', 'Sandbox'].map((name) => {
      const created = aws(
        'organizations',
        'create-organizational-unit',
        '--parent-id',
        rootId,
        '--name',
        name,
      ) as { OrganizationalUnit: { Id: string } };
      return created.OrganizationalUnit.Id;
    });
    const [prodOuId = '', sandboxOuId = ''] = ouIds;
    const accounts: [string, string][] = [
      ['alpha', prodOuId],
      ['beta', prodOuId],
      ['gamma', prodOuId],
      ['delta', sandboxOuId],
    ];
    const accountIds = accounts.map(([name, parentId]) => {
      const created = aws(
        'organizations',
        'create-account',
        '--email',
        `${name}@example.com`,
        '--account-name',
        name,
      ) as { CreateAccountStatus: { AccountId: string } };
      const accountId = created.CreateAccountStatus.AccountId;
      aws(
        'organizations',
        'move-account',
        '--account-id',
        accountId,
        '--source-parent-id',
        rootId,
        '--destination-parent-id',
        parentId,
      );
      return accountId;
    });
    const [alpha = '', beta = '', gamma = '', delta = ''] = accountIds;

    // Commas, equals signs and @ are legal in role names; commas, colons and slashes in external IDs.
    const roleName = 'doit-cloudflow-ops,team=a@b';
    input = {
      connectionName: `Ops "all" it's $(touch /tmp/artefact-moto-pwned) \${HOME}, a=b`,
      roleName,
      description: 'Line one\nLine two, with a comma',
      managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      allowedActions: ['s3:GetObject'],
      trustedAccountId: TRUSTED_ACCOUNT_ID,
      externalId: 'tenant=acme,env:prod/a@b.c+d_e-f',
      region: 'us-east-1',
      stackSetName: stackSetNameFor(roleName),
      plan: {
        stackSets: [
          {
            key: 'organization',
            autoDeployment: true,
            operations: [
              {
                organizationalUnitIds: [prodOuId],
                accounts: [gamma],
                accountFilterType: 'DIFFERENCE',
              },
            ],
          },
          {
            key: 'accounts',
            autoDeployment: false,
            operations: [
              {
                organizationalUnitIds: [sandboxOuId],
                accounts: [delta],
                accountFilterType: 'INTERSECTION',
              },
            ],
          },
        ],
        managementAccount: {
          id: MANAGEMENT_ACCOUNT_ID,
          coverage: 'ancestor',
          decision: 'include',
          needsDecision: false,
          inScope: true,
        },
        coverage: {
          now: [MANAGEMENT_ACCOUNT_ID, alpha, beta, delta].sort(),
          excluded: [gamma],
          skipped: [],
          futureOus: [prodOuId],
        },
        warnings: [],
      },
    };
  }, 120_000);

  it('should create both StackSets with the parameters and template byte for byte', () => {
    const artefacts = generateArtefacts(input);
    const result = runScript('stackset.sh', artefacts.stackSetScript ?? '');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    for (const key of ['organization', 'accounts'] as const) {
      const described = aws(
        'cloudformation',
        'describe-stack-set',
        '--stack-set-name',
        stackSetNameForKey(input.stackSetName, key),
      ) as {
        StackSet: {
          Parameters: { ParameterKey: string; ParameterValue: string }[];
          TemplateBody: string;
          PermissionModel: string;
        };
      };
      const { StackSet } = described;
      expect(
        StackSet.Parameters.map(({ ParameterKey, ParameterValue }) => [
          ParameterKey,
          ParameterValue,
        ]),
      ).toEqual([
        ['RoleName', 'doit-cloudflow-ops,team=a@b'],
        ['TrustedAccountId', TRUSTED_ACCOUNT_ID],
        ['ExternalId', 'tenant=acme,env:prod/a@b.c+d_e-f'],
      ]);
      expect(StackSet.TemplateBody).toBe(artefacts.template);
      expect(StackSet.PermissionModel).toBe('SERVICE_MANAGED');
    }
    expect(spawnSync('test', ['-e', '/tmp/artefact-moto-pwned']).status).toBe(1);
  });

  it('should create the role in the management account with the intended trust policy', () => {
    const artefacts = generateArtefacts(input);
    const result = runScript('management.sh', artefacts.managementAccountScript ?? '');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const role = aws('iam', 'get-role', '--role-name', input.roleName) as {
      Role: { RoleName: string; Description?: string; AssumeRolePolicyDocument: unknown };
    };
    expect(role.Role.RoleName).toBe('doit-cloudflow-ops,team=a@b');
    expect(role.Role.Description).toBe('Line one\nLine two, with a comma');
    expect(role.Role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${TRUSTED_ACCOUNT_ID}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'tenant=acme,env:prod/a@b.c+d_e-f' } },
        },
      ],
    });
  });

  it('should stop before creating anything when run from another account', () => {
    const artefacts = generateArtefacts({
      ...input,
      plan: {
        ...input.plan,
        managementAccount: { ...input.plan.managementAccount, id: '999999999999' },
      },
    });
    const result = runScript('other.sh', artefacts.managementAccountScript ?? '');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`belong to account ${MANAGEMENT_ACCOUNT_ID}`);
  });
});

/** A value from the catalogue of hostile values, by name. */
function hostile(name: string): string {
  const entry = HOSTILE_VALUE_CATALOGUE.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`The catalogue has no value named ${name}.`);
  return entry.value;
}

/** The values a case puts into the artefacts, each one the wizard's validation accepts. */
interface HostileCase {
  name: string;
  fields: Partial<Record<HostileField, string | string[]>>;
  input: Omit<ArtefactInput, 'plan' | 'trustedAccountId' | 'region'>;
}

const BASE_POLICY = 'DoitCloudFlowConnectionBasePolicy';
const ALLOWED_ACTIONS_POLICY = 'DoitCloudFlowConnectionAllowedActionsPolicy';

function hostileCases(): HostileCase[] {
  const quotedRole = `doit-cloudflow-${hostile('role-name characters')}`;
  const dashedRole = 'doit-cloudflow--rf';
  return [
    {
      name: 'quotes, command substitution and newlines in the description',
      fields: {
        connectionName: hostile('both quotes'),
        description: `${hostile('command substitution')} ${hostile('backticks')}\n${hostile('newlines')} ${hostile('lone carriage return')}`,
        externalId: hostile('external ID characters'),
        roleNameSuffix: hostile('role-name characters'),
        allowedAction: [hostile('action with wildcard'), 's3:Get*'],
        managedPolicyArn: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
      },
      input: {
        connectionName: hostile('both quotes'),
        description: `${hostile('command substitution')} ${hostile('backticks')}\n${hostile('newlines')} ${hostile('lone carriage return')}`,
        externalId: hostile('external ID characters'),
        roleName: quotedRole,
        stackSetName: stackSetNameFor(quotedRole),
        allowedActions: [hostile('action with wildcard'), 's3:Get*'],
        managedPolicyArns: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
      },
    },
    {
      name: 'leading dashes, a comment sign and the broadest actions',
      fields: {
        connectionName: hostile('double dash'),
        description: hostile('hash'),
        externalId: '--region=eu-west-1,a:b/c',
        roleNameSuffix: '-rf',
        allowedAction: ['ec2:Describe*', '*'],
        managedPolicyArn: [
          'arn:aws:iam::aws:policy/job-function/Billing',
          'arn:aws:iam::aws:policy/ReadOnlyAccess',
        ],
      },
      input: {
        connectionName: hostile('double dash'),
        description: hostile('hash'),
        externalId: '--region=eu-west-1,a:b/c',
        roleName: dashedRole,
        stackSetName: stackSetNameFor(dashedRole),
        allowedActions: ['ec2:Describe*', '*'],
        managedPolicyArns: [
          'arn:aws:iam::aws:policy/job-function/Billing',
          'arn:aws:iam::aws:policy/ReadOnlyAccess',
        ],
      },
    },
  ];
}

/**
 * moto keeps the inline policy of a role created by CloudFormation as Python's `repr` of the
 * document it parsed from the template, and returns that string; Python's own literal parser
 * reads it back, so the document is judged as moto understood it.
 */
function pythonLiteralToJson(document: unknown): unknown {
  if (typeof document !== 'string') return document;
  const result = spawnSync(
    'python3',
    ['-c', 'import ast, json, sys; print(json.dumps(ast.literal_eval(sys.stdin.read())))'],
    { input: document, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`Not a Python literal: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** One StackSet over one OU, and the management account included. */
function planFor(ouId: string, memberAccountIds: string[]): DeploymentPlan {
  return {
    stackSets: [
      {
        key: 'organization',
        autoDeployment: true,
        operations: [{ organizationalUnitIds: [ouId], accounts: [], accountFilterType: 'NONE' }],
      },
    ],
    managementAccount: {
      id: MANAGEMENT_ACCOUNT_ID,
      coverage: 'ancestor',
      decision: 'include',
      needsDecision: false,
      inScope: true,
    },
    coverage: {
      now: [MANAGEMENT_ACCOUNT_ID, ...memberAccountIds].sort(),
      excluded: [],
      skipped: [],
      futureOus: [ouId],
    },
    warnings: [],
  };
}

describe('given hostile values from the catalogue, run against the emulator', () => {
  let ouId = '';
  let memberAccountIds: string[] = [];

  beforeAll(() => {
    // Its own OU and account, apart from the connection above.
    const roots = aws('organizations', 'list-roots') as { Roots: { Id: string }[] };
    const created = aws(
      'organizations',
      'create-organizational-unit',
      '--parent-id',
      roots.Roots[0]!.Id,
      '--name',
      'Hostile',
    ) as { OrganizationalUnit: { Id: string } };
    ouId = created.OrganizationalUnit.Id;
    const account = aws(
      'organizations',
      'create-account',
      '--email',
      'hostile@example.com',
      '--account-name',
      'hostile',
    ) as { CreateAccountStatus: { AccountId: string } };
    const accountId = account.CreateAccountStatus.AccountId;
    aws(
      'organizations',
      'move-account',
      '--account-id',
      accountId,
      '--source-parent-id',
      roots.Roots[0]!.Id,
      '--destination-parent-id',
      ouId,
    );
    memberAccountIds = [accountId];
  }, 120_000);

  it('should use only values the wizard accepts', () => {
    for (const { name, fields } of hostileCases()) {
      for (const [field, values] of Object.entries(fields)) {
        for (const value of [values].flat()) {
          expect(judge(field as HostileField, value), `${name}: ${field}`).toEqual({
            accepted: true,
          });
        }
      }
    }
  });

  it.each(hostileCases().map((hostileCase, index) => ({ ...hostileCase, index })))(
    'should create the role and the StackSet with exactly the intended values: $name',
    (hostileCase) => {
      const { index } = hostileCase;
      const input: ArtefactInput = {
        ...hostileCase.input,
        trustedAccountId: TRUSTED_ACCOUNT_ID,
        region: 'us-east-1',
        plan: planFor(ouId, memberAccountIds),
      };
      const artefacts = generateArtefacts(input);
      const { roleName, externalId } = input;

      // The management account first; its stack is then deleted, because the emulator keeps
      // one IAM store for every account where AWS keeps one per account.
      const managed = runScript(`management-${index}.sh`, artefacts.managementAccountScript ?? '');
      expect(managed.stderr).toBe('');
      expect(managed.status).toBe(0);

      const role = aws('iam', 'get-role', '--role-name', roleName) as {
        Role: { RoleName: string; Description?: string; AssumeRolePolicyDocument: unknown };
      };
      expect(role.Role.RoleName).toBe(roleName);
      // The Query API answers in XML, whose parsers turn CR LF and a lone CR into LF (XML 1.0,
      // section 2.11); the exact bytes are checked in the stored template below.
      expect(role.Role.Description).toBe(input.description.replace(/\r\n?/g, '\n'));
      expect(role.Role.AssumeRolePolicyDocument).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${TRUSTED_ACCOUNT_ID}:root` },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': externalId } },
          },
        ],
      });
      const inline = aws('iam', 'list-role-policies', '--role-name', roleName) as {
        PolicyNames: string[];
      };
      expect([...inline.PolicyNames].sort()).toEqual([ALLOWED_ACTIONS_POLICY, BASE_POLICY]);
      const policyOf = (policyName: string) =>
        pythonLiteralToJson(
          (
            aws('iam', 'get-role-policy', '--role-name', roleName, '--policy-name', policyName) as {
              PolicyDocument: unknown;
            }
          ).PolicyDocument,
        );
      expect(policyOf(BASE_POLICY)).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ReadOwnPolicies',
            Effect: 'Allow',
            Action: ['iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:GetRolePolicy'],
            Resource: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/${roleName}`,
          },
          {
            Sid: 'ReadManagedPolicies',
            Effect: 'Allow',
            Action: ['iam:GetPolicy', 'iam:GetPolicyVersion'],
            Resource: '*',
          },
        ],
      });
      expect(policyOf(ALLOWED_ACTIONS_POLICY)).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AllowedActions',
            Effect: 'Allow',
            Action: ['ec2:DescribeRegions', ...hostileCase.input.allowedActions],
            Resource: '*',
          },
        ],
      });
      // TODO(moto attaches the ManagedPolicyArns of a role created by CloudFormation, which
      // 5.2 ignores): compare `iam list-attached-role-policies` with the intended ARNs. Until
      // then they are read from the template the emulator stored, below.
      expect(
        (
          aws('iam', 'list-attached-role-policies', '--role-name', roleName) as {
            AttachedPolicies: unknown[];
          }
        ).AttachedPolicies,
      ).toEqual([]);
      const stackName = /^STACK_NAME='([^']*)'$/m.exec(
        artefacts.managementAccountScript ?? '',
      )![1]!;
      const stack = aws('cloudformation', 'describe-stacks', '--stack-name', stackName) as {
        Stacks: { Description: string }[];
      };
      expect(stack.Stacks[0]!.Description).toBe(templateDescription(input));
      aws('cloudformation', 'delete-stack', '--stack-name', stackName);

      const ran = runScript(`stackset-${index}.sh`, artefacts.stackSetScript ?? '');
      expect(ran.stderr).toBe('');
      expect(ran.status).toBe(0);
      const described = aws(
        'cloudformation',
        'describe-stack-set',
        '--stack-set-name',
        stackSetNameForKey(input.stackSetName, 'organization'),
      ) as {
        StackSet: {
          Parameters: { ParameterKey: string; ParameterValue: string }[];
          TemplateBody: string;
        };
      };
      expect(
        described.StackSet.Parameters.map(({ ParameterKey, ParameterValue }) => [
          ParameterKey,
          ParameterValue,
        ]),
      ).toEqual([
        ['RoleName', roleName],
        ['TrustedAccountId', TRUSTED_ACCOUNT_ID],
        ['ExternalId', externalId],
      ]);
      expect(Buffer.from(described.StackSet.TemplateBody, 'utf8')).toEqual(
        Buffer.from(artefacts.template, 'utf8'),
      );
      // The stored template as CloudFormation's YAML dialect reads it (cfn-lint's loader).
      const loaded = spawnSync(
        'python3',
        [
          '-c',
          'import json, sys\nfrom cfnlint.decode import cfn_yaml\nprint(json.dumps(cfn_yaml.loads(sys.stdin.read())))',
        ],
        { input: described.StackSet.TemplateBody, encoding: 'utf8' },
      );
      expect(loaded.stderr).toBe('');
      const template = JSON.parse(loaded.stdout) as {
        Description: string;
        Resources: {
          ConnectionRole: { Properties: { Description: string; ManagedPolicyArns: string[] } };
        };
      };
      expect(template.Description).toBe(templateDescription(input));
      expect(template.Resources.ConnectionRole.Properties.Description).toBe(input.description);
      expect(template.Resources.ConnectionRole.Properties.ManagedPolicyArns).toEqual(
        hostileCase.input.managedPolicyArns,
      );
      expect(spawnSync('test', ['-e', '/tmp/hostile-pwned']).status).toBe(1);
    },
  );
});

describe('given a template larger than CloudFormation accepts inline', () => {
  const roleName = 'doit-cloudflow-large';
  // Twenty managed policies with the longest paths and names, as many short allowed actions as
  // the inline policies hold (each a line of its own in the template), and the longest
  // description: all within what the wizard accepts.
  const managedPolicyArns = Array.from(
    { length: 20 },
    (_, index) => `arn:aws:iam::aws:policy/${'p'.repeat(510)}/${'n'.repeat(120)}${index}`,
  );
  const allowedActions: string[] = [];
  for (let index = 0; ; index += 1) {
    const next = `${Math.floor(index / 36).toString(36)}:${(index % 36).toString(36)}`;
    if (inlinePolicySize(roleName, [...allowedActions, next]) > INLINE_POLICY_MAX_CHARACTERS) break;
    allowedActions.push(next);
  }
  const templateUrl = 'https://connection-templates.s3.amazonaws.com/large/role.yaml';
  let ouId = '';
  let input: ArtefactInput;

  beforeAll(() => {
    const roots = aws('organizations', 'list-roots') as { Roots: { Id: string }[] };
    const created = aws(
      'organizations',
      'create-organizational-unit',
      '--parent-id',
      roots.Roots[0]!.Id,
      '--name',
      'Large',
    ) as { OrganizationalUnit: { Id: string } };
    ouId = created.OrganizationalUnit.Id;
    input = {
      connectionName: 'Large',
      roleName,
      description: 'd'.repeat(1000),
      managedPolicyArns,
      allowedActions,
      trustedAccountId: TRUSTED_ACCOUNT_ID,
      externalId: 'tenant-large',
      region: 'us-east-1',
      stackSetName: stackSetNameFor(roleName),
      plan: planFor(ouId, []),
    };
  }, 60_000);

  it('should be made of values the wizard accepts', () => {
    const report = validatePolicies(
      { managedPolicyArns, allowedActions },
      { managedPolicyQuota: 20, roleName, region: 'us-east-1' },
    );
    expect(report.errors).toEqual({});
    expect(
      validateDetails({
        connectionName: 'Large',
        roleNameSuffix: 'large',
        roleNameEdited: false,
        description: input.description,
      }),
    ).toEqual({});
  });

  it('should be refused without a template URL, with the message the Deploy step shows', () => {
    let caught: unknown;
    try {
      generateArtefacts(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ArtefactError);
    expect(artefactErrorIssue(caught as ArtefactError)).toEqual({
      code: 'template.tooLarge',
      params: { max: 51_200 },
    });
  });

  it('should give scripts that read the template from the URL, and only when it is the one shown', () => {
    const artefacts = generateArtefacts({ ...input, templateUrl });
    expect(Buffer.byteLength(artefacts.template, 'utf8')).toBeGreaterThan(51_200);
    const stackSetScript = artefacts.stackSetScript ?? '';
    const managementScript = artefacts.managementAccountScript ?? '';
    for (const script of [stackSetScript, managementScript]) {
      expect(script).toContain('--template-url "$TEMPLATE_URL"');
      expect(script).not.toContain('TEMPLATE_BODY');
    }
    writeFileSync(join(workDirectory, 'large-stackset.sh'), stackSetScript);
    writeFileSync(join(workDirectory, 'large-management.sh'), managementScript);
    const lint = spawnSync(
      'shellcheck',
      ['--severity=style', 'large-stackset.sh', 'large-management.sh'],
      { cwd: workDirectory, encoding: 'utf8' },
    );
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);
    for (const file of ['large-stackset.sh', 'large-management.sh']) {
      expect(spawnSync('bash', ['-n', file], { cwd: workDirectory }).status).toBe(0);
    }

    // Nothing uploaded yet: the script stops before it creates anything.
    aws('s3api', 'create-bucket', '--bucket', 'connection-templates');
    const early = runScript('large-stackset.sh', stackSetScript);
    expect(early.status).not.toBe(0);
    expect(early.stderr).toContain(`Could not read the template at ${templateUrl}`);
    // Another template there: the script stops too, naming both digests.
    writeFileSync(join(workDirectory, 'other.yaml'), `${artefacts.template}\n`);
    aws(
      's3api',
      'put-object',
      '--bucket',
      'connection-templates',
      '--key',
      'large/role.yaml',
      '--body',
      join(workDirectory, 'other.yaml'),
    );
    const stale = runScript('large-stackset.sh', stackSetScript);
    expect(stale.status).not.toBe(0);
    expect(stale.stderr).toContain('it is not the template shown with this script');
    const none = aws('cloudformation', 'list-stack-sets', '--status', 'ACTIVE') as {
      Summaries: { StackSetName: string }[];
    };
    expect(none.Summaries.map(({ StackSetName }) => StackSetName)).not.toContain(
      input.stackSetName,
    );

    // The template shown, uploaded: CloudFormation reads exactly it from the URL.
    writeFileSync(join(workDirectory, 'large.yaml'), artefacts.template);
    aws(
      's3api',
      'put-object',
      '--bucket',
      'connection-templates',
      '--key',
      'large/role.yaml',
      '--body',
      join(workDirectory, 'large.yaml'),
    );
    const ran = runScript('large-stackset.sh', stackSetScript);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const described = aws(
      'cloudformation',
      'describe-stack-set',
      '--stack-set-name',
      input.stackSetName,
    ) as { StackSet: { TemplateBody: string } };
    expect(described.StackSet.TemplateBody).toBe(artefacts.template);

    const managed = runScript('large-management.sh', managementScript);
    expect(managed.stderr).toBe('');
    expect(managed.status).toBe(0);
    const role = aws('iam', 'get-role', '--role-name', roleName) as {
      Role: { Description: string };
    };
    expect(role.Role.Description).toBe(input.description);
    // The emulator attaches only policies it knows, so the stack's template is compared.
    const stack = aws('cloudformation', 'get-template', '--stack-name', input.stackSetName) as {
      TemplateBody: string;
    };
    expect(stack.TemplateBody).toBe(artefacts.template);
  }, 120_000);
});
