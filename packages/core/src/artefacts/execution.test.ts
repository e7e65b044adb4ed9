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

import { generateArtefacts } from './generate';
import { stackSetNameFor, stackSetNameForKey } from './names';
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
      Role: { RoleName: string; AssumeRolePolicyDocument: unknown };
    };
    expect(role.Role.RoleName).toBe('doit-cloudflow-ops,team=a@b');
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
