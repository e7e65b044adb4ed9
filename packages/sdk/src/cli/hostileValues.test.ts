/**
 * Every hostile value of the catalogue in every field of the `plan` command's input: each is
 * refused exactly when the wizard refuses it, with exit 2 and the field named, or written into
 * files that the real tools accept and that carry it unchanged.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { format, resolveConfig } from 'prettier';

import { ROLE_NAME_PREFIX } from '@aws-connection-wizard/core';

// The catalogue and the wizard's verdicts are core's test data, shared rather than copied.
import { HOSTILE_VALUE_CATALOGUE } from '../../../core/src/testing/hostileValues';
import {
  judge,
  renderHostileValuesTable,
  type HostileField,
} from '../../../core/src/testing/hostileValuesJudge';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { toAwsOrganizationJson } from '../samples/awsJson';
import { answersField } from './checkAnswers';
import { EXIT_INVALID_INPUT, EXIT_OK, runCli } from './main';
import { issueMessage } from './messages';

const WORKLOADS_PROD = 'ou-nw7k-om75wbbr';
const TABLE_PATH = path.join(import.meta.dirname, '../../../../docs/hostile-values.md');
const DEFAULT_ACTIONS = ['ec2:DescribeInstances'];

/**
 * Where each field goes in the command's input, and how the command names it. The StackSet
 * name is derived from the role name, never typed, so the role name stands for it here.
 */
const FIELDS: { field: HostileField; named: string }[] = [
  { field: 'connectionName', named: 'answers.connectionName' },
  { field: 'roleNameSuffix', named: 'answers.roleName' },
  { field: 'description', named: 'answers.description' },
  { field: 'allowedAction', named: 'answers.policies.allowedActions[0]' },
  { field: 'managedPolicyArn', named: 'answers.policies.managedPolicyArns[0]' },
  { field: 'email', named: 'answers.access[0].email' },
  { field: 'trustedAccountId', named: 'platform.trustedAccountId' },
  { field: 'externalId', named: 'platform.externalId' },
  { field: 'region', named: 'platform.region' },
  { field: 'templateUrl', named: 'platform.templateUrl' },
];

function inputsWith(field: HostileField, value: string) {
  const answers: Record<string, unknown> = {
    connectionName: 'Northwind production',
    roleName: 'northwind-production',
    managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
    scope: { selected: [WORKLOADS_PROD] },
    policies: { allowedActions: DEFAULT_ACTIONS },
  };
  const platform: Record<string, unknown> = { externalId: 'tenant-northwind' };
  if (field === 'connectionName') answers.connectionName = value;
  if (field === 'roleNameSuffix') answers.roleName = value;
  if (field === 'description') answers.description = value;
  if (field === 'allowedAction') answers.policies = { allowedActions: [value] };
  if (field === 'managedPolicyArn') answers.policies = { managedPolicyArns: [value] };
  if (field === 'email') {
    answers.access = [{ email: value, level: 'owner' }];
    answers.createdBy = value;
  }
  if (field === 'trustedAccountId') platform.trustedAccountId = value;
  if (field === 'externalId') platform.externalId = value;
  if (field === 'region') platform.region = value;
  if (field === 'templateUrl') platform.templateUrl = value;
  return { answers, platform };
}

interface Written {
  run: string;
  label: string;
  field: HostileField;
  value: string;
}

let workDir: string;
const written: Written[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'plan-hostile-'));
  writeFileSync(
    path.join(workDir, 'org.json'),
    JSON.stringify(toAwsOrganizationJson(NORTHWIND_ORGANIZATION)),
  );
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('given every hostile value of the catalogue in the plan command', () => {
  it('should refuse what the wizard refuses, naming the field, and write the rest', async () => {
    let runs = 0;
    for (const { name, value } of HOSTILE_VALUE_CATALOGUE) {
      for (const { field, named } of FIELDS) {
        const label = `${field} = ${name}`;
        const { answers, platform } = inputsWith(field, value);
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
        const verdict = judge(field, value);
        if (verdict.accepted) {
          expect(code, `${label}: ${stderr}`).toBe(EXIT_OK);
          written.push({ run, label, field, value });
        } else {
          // The field the wizard shows the message at, as the command names it: the value's
          // own field, or, for a policy, the policies it leaves empty or too large.
          const expected = answersField(verdict.field);
          const fields = named.startsWith('answers.policies.')
            ? [named, named.replace(/\[0\]$/, ''), 'answers.policies']
            : [named];
          expect(fields, label).toContain(expected);
          expect(code, `${label}: ${stderr}`).toBe(EXIT_INVALID_INPUT);
          expect(stderr, label).toMatch(
            new RegExp(`^${expected.replace(/[.[\]]/g, '\\$&')}: `, 'm'),
          );
        }
      }
    }
    expect(runs).toBe(HOSTILE_VALUE_CATALOGUE.length * FIELDS.length);
    // Both verdicts occur often, so neither branch above goes untried.
    expect(written.length).toBeGreaterThan(100);
    expect(written.length).toBeLessThan(runs - 100);

    for (const { run, label, field, value } of written) {
      const plan = JSON.parse(readFileSync(path.join(workDir, run, 'plan.json'), 'utf8')) as {
        connectionName: string;
        roleName: string;
        region: string;
      };
      if (field === 'connectionName') expect(plan.connectionName, label).toBe(value.trim());
      if (field === 'roleNameSuffix') expect(plan.roleName, label).toBe(ROLE_NAME_PREFIX + value);
      if (field === 'region') expect(plan.region, label).toBe(value);
    }
  }, 120_000);

  it('should write scripts bash parses, shellcheck passes and whose values bash reads back', () => {
    expect(written.length).toBeGreaterThan(100);
    const scripts = written.map(({ run }) => path.join(run, 'stackset.sh'));
    const lint = spawnSync('shellcheck', ['--severity=style', ...scripts], {
      cwd: workDir,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);
    // One bash checks the syntax of every script; its loop stays silent unless one fails.
    const parsed = spawnSync(
      'bash',
      [
        '-c',
        'for file; do bash -n "$file" 2>&1 || echo "$file does not parse"; done',
        'bash',
      ].concat(scripts),
      { cwd: workDir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    expect(parsed.stdout).toBe('');
    expect(parsed.status).toBe(0);

    // Everything before the account check only assigns variables, inside the subshell each
    // script opens: one bash runs that part of every script, prints the variables (four fields,
    // each ended by a NUL, which no accepted value holds) and closes the subshell.
    const readBack = scripts.map((file) => {
      const script = readFileSync(path.join(workDir, file), 'utf8');
      const assignments = script.slice(0, script.indexOf('# Stop unless'));
      return `${assignments}\nprintf '%s\\0' "$REGION" "$ROLE_NAME" "$PARAMETERS" "\${TEMPLATE_BODY-}"\n)\n`;
    });
    writeFileSync(path.join(workDir, 'read-back.sh'), readBack.join(''));
    const printed = execFileSync('bash', ['read-back.sh'], {
      cwd: workDir,
      env: { PATH: process.env.PATH ?? '' },
      maxBuffer: 1 << 28,
    })
      .toString('utf8')
      .split('\u0000');
    expect(printed).toHaveLength(scripts.length * 4 + 1);
    written.forEach(({ run, label, field, value }, index) => {
      const [region, roleName, parameters, body] = printed.slice(index * 4);
      expect(body, label).toBe(readFileSync(path.join(workDir, run, 'template.yaml'), 'utf8'));
      const byKey = Object.fromEntries(
        (JSON.parse(parameters!) as { ParameterKey: string; ParameterValue: string }[]).map(
          ({ ParameterKey, ParameterValue }) => [ParameterKey, ParameterValue],
        ),
      );
      expect(byKey.RoleName, label).toBe(roleName);
      if (field === 'roleNameSuffix') expect(roleName, label).toBe(ROLE_NAME_PREFIX + value);
      if (field === 'region') expect(region, label).toBe(value);
      if (field === 'externalId') expect(byKey.ExternalId, label).toBe(value);
      if (field === 'trustedAccountId') expect(byKey.TrustedAccountId, label).toBe(value);
    });
  }, 240_000);

  it('should write templates cfn-lint passes and its YAML loader reads back unchanged', () => {
    expect(written.length).toBeGreaterThan(100);
    const templates = written.map(({ run }) => path.join(run, 'template.yaml'));
    const cfnLint = spawnSync('cfn-lint', templates, {
      cwd: workDir,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(cfnLint.stdout + cfnLint.stderr).toBe('');
    expect(cfnLint.status).toBe(0);

    const loaded = JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          [
            'import json, sys',
            'from cfnlint.decode import cfn_yaml',
            'out = [cfn_yaml.loads(open(n, encoding="utf-8").read()) for n in sys.argv[1:]]',
            'sys.stdout.write(json.dumps(out, ensure_ascii=True))',
          ].join('\n'),
          ...templates,
        ],
        { cwd: workDir, maxBuffer: 1 << 28 },
      ).toString('utf8'),
    ) as {
      Description: string;
      Resources: {
        ConnectionRole: {
          Properties: {
            Description?: string;
            ManagedPolicyArns?: string[];
            Policies: { PolicyDocument: { Statement: { Action: string[] }[] } }[];
          };
        };
      };
    }[];
    written.forEach(({ label, field, value }, index) => {
      const template = loaded[index]!;
      const role = template.Resources.ConnectionRole.Properties;
      const actions = role.Policies[1]!.PolicyDocument.Statement[0]!.Action;
      if (field === 'connectionName') expect(template.Description, label).toBe(value.trim());
      if (field === 'description') expect(role.Description ?? '', label).toBe(value.trim());
      if (field === 'managedPolicyArn') expect(role.ManagedPolicyArns, label).toEqual([value]);
      if (field === 'allowedAction') {
        expect(
          actions.map((action) => action.toLowerCase()),
          label,
        ).toContain(value.trim().toLowerCase());
      }
    });
  }, 240_000);

  it('should write Terraform that terraform fmt leaves unchanged', () => {
    expect(written.length).toBeGreaterThan(100);
    const fmt = spawnSync('terraform', ['fmt', '-check', '-recursive', '.'], {
      cwd: workDir,
      encoding: 'utf8',
    });
    expect(fmt.stdout).toBe('');
    expect(fmt.status).toBe(0);
  });

  it('should keep docs/hostile-values.md in step with the catalogue and the messages', async () => {
    // Laid out by the repository's formatter, which `npm run lint` checks every file with.
    const options = await resolveConfig(TABLE_PATH);
    const table = await format(renderHostileValuesTable(issueMessage), {
      ...options,
      parser: 'markdown',
    });
    if (process.env.UPDATE_HOSTILE_VALUES === '1') writeFileSync(TABLE_PATH, table);
    expect(readFileSync(TABLE_PATH, 'utf8')).toBe(table);
  });
});
