/**
 * `plan --from-aws` against a local AWS API emulator (moto on a loopback port), reached the way
 * a user's shell reaches AWS: through the usual environment variables and `AWS_ENDPOINT_URL`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { OrganizationsClient } from '@aws-sdk/client-organizations';

import { toAwsOrganizationJson } from '../samples/awsJson';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { seedEmulatorOrganization } from '../server/aws/seedEmulator';
import type { SeededOrganization } from '../server/aws/seedEmulator';
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, runCli } from './main';

const WORKLOADS = 'ou-nw7k-886vompz';
const SANDBOX_AMELIA = '718744967223';
const BILLING_REPORTS = '282184450280';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('No port was assigned')),
      );
    });
  });
}

let moto: ChildProcess | undefined;
let endpoint = '';
let seeded: SeededOrganization;
let workDir: string;
const savedEnvironment = { ...process.env };

function useAwsEnvironment(endpointUrl: string): void {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_')) delete process.env[name];
  }
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: endpointUrl,
    AWS_MAX_ATTEMPTS: '1',
  });
}

beforeAll(async () => {
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  const outside = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...outside, MOTO_ACCOUNT_ID: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
    stdio: 'ignore',
  });
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
    } catch (error) {
      if (attempt > 150) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const client = new OrganizationsClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  seeded = await seedEmulatorOrganization(toAwsOrganizationJson(NORTHWIND_ORGANIZATION), client);
}, 60_000);

afterAll(async () => {
  process.env = savedEnvironment;
  if (moto?.pid === undefined) return;
  const exited = new Promise((resolve) => moto?.once('exit', resolve));
  process.kill(moto.pid, 'SIGTERM');
  await exited;
});

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'plan-aws-'));
  useAwsEnvironment(endpoint);
});

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** The emulator's id for an id of the Northwind document. */
function emulated(id: string): string {
  return seeded.emulatorIds.get(id) ?? id;
}

function answersFor(ids: { selected: string[]; excluded: string[] }) {
  return {
    connectionName: 'Northwind workloads',
    managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
    scope: ids,
    policies: { allowedActions: ['ec2:DescribeInstances'] },
  };
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: workDir,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

function filesIn(directory: string): [string, string][] {
  return readdirSync(path.join(workDir, directory))
    .sort()
    .map((name) => [name, readFileSync(path.join(workDir, directory, name), 'utf8')]);
}

describe('given an organisation in AWS Organizations and answers using its ids', () => {
  it('should plan from AWS exactly as from the same organisation saved as JSON', async () => {
    writeFileSync(
      path.join(workDir, 'answers.json'),
      JSON.stringify(
        answersFor({
          selected: [emulated(WORKLOADS), emulated(BILLING_REPORTS)],
          excluded: [],
        }),
      ),
    );
    writeFileSync(
      path.join(workDir, 'org.json'),
      JSON.stringify(toAwsOrganizationJson(seeded.organization)),
    );

    const fromAws = await run(['plan', '--from-aws', '--answers', 'answers.json', '--out', 'aws']);
    const fromFile = await run([
      'plan',
      '--org',
      'org.json',
      '--answers',
      'answers.json',
      '--out',
      'file',
    ]);

    expect(fromAws.stderr).toContain('Note: platform.externalId not given');
    expect(fromAws.code).toBe(EXIT_OK);
    expect(fromFile.code).toBe(EXIT_OK);
    expect(filesIn('aws')).toEqual(filesIn('file'));
    const plan = JSON.parse(readFileSync(path.join(workDir, 'aws', 'plan.json'), 'utf8'));
    expect(
      plan.operations.map(
        (operation: { organizationalUnitIds: string[] }) => operation.organizationalUnitIds,
      ),
    ).toEqual([[emulated(WORKLOADS)], [seeded.organization.root.id]]);
    expect(plan.coverage.now).toContain(emulated(BILLING_REPORTS));
    expect(plan.coverage.now).not.toContain(NORTHWIND_MANAGEMENT_ACCOUNT_ID);
  });

  it('should exit 2 naming an id that the organisation in AWS does not have', async () => {
    writeFileSync(
      path.join(workDir, 'answers.json'),
      JSON.stringify(answersFor({ selected: [emulated(WORKLOADS)], excluded: [SANDBOX_AMELIA] })),
    );
    const result = await run(['plan', '--from-aws', '--answers', 'answers.json', '--out', 'out']);

    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(`answers.scope.excluded[0]: unknown id ${SANDBOX_AMELIA}`);
  });
});

describe('given AWS cannot be reached', () => {
  it('should exit 1 and say the organisation could not be read', async () => {
    useAwsEnvironment(`http://127.0.0.1:${await freePort()}`);
    writeFileSync(
      path.join(workDir, 'answers.json'),
      JSON.stringify(answersFor({ selected: [WORKLOADS], excluded: [] })),
    );
    const result = await run(['plan', '--from-aws', '--answers', 'answers.json']);

    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stderr).toMatch(
      /^aws-connection-wizard: could not read the organisation from AWS: /,
    );
    expect(readdirSync(workDir)).toEqual(['answers.json']);
  });
});
