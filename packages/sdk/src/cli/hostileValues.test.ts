/**
 * Hostile values fed to the `plan` command: each is refused exactly when the wizard refuses it,
 * with exit 2 and the field named, or written into files the real tools accept.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The catalogue and the wizard's verdicts are core's test data, shared rather than copied.
import { HOSTILE_VALUE_CATALOGUE } from '../../../core/src/testing/hostileValues';
import { judge, type HostileField } from '../../../core/src/testing/hostileValuesJudge';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { toAwsOrganizationJson } from '../samples/awsJson';
import { EXIT_INVALID_INPUT, EXIT_OK, runCli } from './main';

const WORKLOADS_PROD = 'ou-nw7k-om75wbbr';

const VALUE_NAMES = [
  'both quotes',
  'command substitution',
  'parameter expansion',
  'newlines',
  'NUL',
  'right-to-left override',
  'leading dash',
  'comma list',
  'look-alike region',
  'action with wildcard',
];

/** Where each field goes in the command's input, and how the command names it. */
const FIELDS: { field: HostileField; named: string }[] = [
  { field: 'connectionName', named: 'answers.connectionName' },
  { field: 'roleNameSuffix', named: 'answers.roleName' },
  { field: 'description', named: 'answers.description' },
  { field: 'allowedAction', named: 'answers.policies.allowedActions[0]' },
  { field: 'externalId', named: 'platform.externalId' },
  { field: 'region', named: 'platform.region' },
];

function inputsWith(field: HostileField, value: string) {
  const answers: Record<string, unknown> = {
    connectionName: 'Northwind production',
    roleName: 'northwind-production',
    managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
    scope: { selected: [WORKLOADS_PROD] },
    policies: { allowedActions: ['ec2:DescribeInstances'] },
  };
  const platform: Record<string, unknown> = { externalId: 'tenant-northwind' };
  if (field === 'connectionName') answers.connectionName = value;
  if (field === 'roleNameSuffix') answers.roleName = value;
  if (field === 'description') answers.description = value;
  if (field === 'allowedAction') answers.policies = { allowedActions: [value] };
  if (field === 'externalId') platform.externalId = value;
  if (field === 'region') platform.region = value;
  return { answers, platform };
}

let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'plan-hostile-'));
  writeFileSync(
    path.join(workDir, 'org.json'),
    JSON.stringify(toAwsOrganizationJson(NORTHWIND_ORGANIZATION)),
  );
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('given hostile values from the catalogue in the plan command', () => {
  it('should refuse what the wizard refuses, naming the field, and write the rest', async () => {
    const written: string[] = [];
    let runs = 0;
    for (const name of VALUE_NAMES) {
      const entry = HOSTILE_VALUE_CATALOGUE.find((candidate) => candidate.name === name);
      if (!entry) throw new Error(`The catalogue has no value named ${name}.`);
      for (const { field, named } of FIELDS) {
        const label = `${field} = ${name}`;
        const { answers, platform } = inputsWith(field, entry.value);
        const run = `r${runs}`;
        runs += 1;
        writeFileSync(path.join(workDir, `${run}.answers.json`), JSON.stringify(answers));
        writeFileSync(path.join(workDir, `${run}.platform.json`), JSON.stringify(platform));
        let stderr = '';
        const code = await runCli(
          [
            'plan',
            '--org',
            'org.json',
            '--answers',
            `${run}.answers.json`,
            '--platform',
            `${run}.platform.json`,
            '--out',
            run,
          ],
          { cwd: workDir, stdout: () => undefined, stderr: (text) => (stderr += text) },
        );
        if (judge(field, entry.value).accepted) {
          expect(code, `${label}: ${stderr}`).toBe(EXIT_OK);
          written.push(run);
        } else {
          expect(code, label).toBe(EXIT_INVALID_INPUT);
          expect(stderr, label).toMatch(new RegExp(`^${named.replace(/[.[\]]/g, '\\$&')}: `, 'm'));
        }
      }
    }
    // Both verdicts occur, so neither branch above goes untried.
    expect(written.length).toBeGreaterThan(10);
    expect(written.length).toBeLessThan(runs - 10);

    const files = (name: string) => written.map((run) => path.join(run, name));
    const scripts = [...files('stackset.sh')];
    const lint = spawnSync('shellcheck', ['--severity=style', ...scripts], {
      cwd: workDir,
      encoding: 'utf8',
    });
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);
    for (const script of scripts) {
      expect(spawnSync('bash', ['-n', script], { cwd: workDir }).status, script).toBe(0);
    }
    const cfnLint = spawnSync('cfn-lint', files('template.yaml'), {
      cwd: workDir,
      encoding: 'utf8',
    });
    expect(cfnLint.stdout + cfnLint.stderr).toBe('');
    expect(cfnLint.status).toBe(0);
    const fmt = spawnSync('terraform', ['fmt', '-check', '-recursive', '.'], {
      cwd: workDir,
      encoding: 'utf8',
    });
    expect(fmt.stdout).toBe('');
    expect(fmt.status).toBe(0);
    for (const run of written) {
      expect(() =>
        JSON.parse(readFileSync(path.join(workDir, run, 'plan.json'), 'utf8')),
      ).not.toThrow();
    }
  });
});
