/**
 * Every hostile value in every field that reaches an artefact: refused with a message at its
 * field, or carried by every artefact with its meaning unchanged, as the real tools read them.
 * The tools run once per batch (one cfn-lint, one shellcheck, one terraform fmt, one YAML
 * loader), so hundreds of artefacts stay within seconds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXAMPLE_INPUTS } from '../artefacts/__golden__/examples';
import { templateDescription } from '../artefacts/checks';
import { generateArtefacts } from '../artefacts/generate';
import { stackSetNameFor } from '../artefacts/names';
import type { ArtefactInput, Artefacts } from '../artefacts/types';
import { regionPartition, ValidDeploymentSettingsSchema } from '../model/validation';
import { loadIamActionCatalogue, validatePolicies } from '../policies';
import { HOSTILE_VALUE_CATALOGUE } from './hostileValues';
import { HOSTILE_FIELDS, judge, roleNameFor, type HostileField } from './hostileValuesJudge';

const BASE: ArtefactInput = EXAMPLE_INPUTS.rootWithManagementAccount!;
// The catalogue the wizard lints allowed actions with; the template names the actions it does
// not list, so cfn-lint skips its own check of them.
const IAM_ACTIONS = await loadIamActionCatalogue();
const ROLE_REFERENCE = /^(\s*[\w"]+\s*=\s*)(aws_iam_role\.connection\.(?:arn|name)|each\.value)$/;

/**
 * A Terraform configuration as plain values `terraform console` can evaluate without a
 * provider: the `terraform` block dropped, each `provider` and `resource` block turned into a
 * local object named `<prefix>_<labels>`, and the references to the role or `each` (the only
 * unquoted expressions the generator writes) turned into the string `ref:<reference>`. String
 * literals are left exactly as written, so terraform reads them as it would on `apply`.
 */
function terraformAsLocals(configuration: string, prefix: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of configuration.split('\n')) {
    const block = /^(provider|resource|terraform)((?: "[\w-]+")*) \{$/.exec(line);
    if (block) {
      skipping = block[1] === 'terraform';
      const labels = [...block[2]!.matchAll(/"([\w-]+)"/g)].map((match) => match[1]);
      if (!skipping) out.push('locals {', `  ${[prefix, block[1], ...labels].join('_')} = {`);
    } else if (line === '}') {
      if (!skipping) out.push('  }', '}');
      skipping = false;
    } else if (!skipping) {
      out.push(line.replace(ROLE_REFERENCE, '$1"ref:$2"'));
    }
  }
  return out.join('\n');
}

interface TerraformRead {
  provider_aws: { region: string };
  resource_aws_iam_role_connection: {
    name: string;
    description?: string;
    assume_role_policy: string;
  };
  resource_aws_iam_role_policy_base: { name: string; role: string; policy: string };
  resource_aws_iam_role_policy_allowed_actions: { name: string; role: string; policy: string };
  resource_aws_iam_role_policy_attachment_managed: {
    for_each: string[];
    role: string;
    policy_arn: string;
  };
}

/** The generators' input with one accepted value in place, as the wizard would build it. */
function inputWith(field: HostileField, value: string): ArtefactInput | null {
  switch (field) {
    case 'connectionName':
      return { ...BASE, connectionName: value.trim() };
    case 'roleNameSuffix': {
      const roleName = roleNameFor(value);
      return { ...BASE, roleName, stackSetName: stackSetNameFor(roleName) };
    }
    case 'description':
      return { ...BASE, connectionName: 'Ops', description: value.trim() };
    case 'allowedAction': {
      const report = validatePolicies(
        { managedPolicyArns: [], allowedActions: [value] },
        { iamActions: IAM_ACTIONS },
      );
      return {
        ...BASE,
        allowedActions: report.allowedActions,
        unlistedActions: report.unlistedActions,
      };
    }
    case 'managedPolicyArn':
      return { ...BASE, managedPolicyArns: [value] };
    case 'trustedAccountId':
      return { ...BASE, trustedAccountId: value };
    case 'externalId':
      return { ...BASE, externalId: value };
    case 'region':
      // IAM attaches policies of the role's own partition only: a user of another partition's
      // Region picks that partition's ARNs (the Policies step refuses the others).
      return {
        ...BASE,
        region: value,
        managedPolicyArns: BASE.managedPolicyArns.map((arn) =>
          arn.replace(/^arn:[^:]+:/, `arn:${regionPartition(value)}:`),
        ),
      };
    case 'templateUrl':
      return { ...BASE, templateUrl: value };
    case 'stackSetName':
      return { ...BASE, stackSetName: value };
    case 'email':
      // Emails go to the connection's access list, never into an artefact.
      return null;
  }
}

const accepted: { label: string; input: ArtefactInput; artefacts: Artefacts }[] = [];
const refused: { label: string; field: string; code: string }[] = [];
for (const { name, value } of HOSTILE_VALUE_CATALOGUE) {
  for (const field of HOSTILE_FIELDS) {
    const verdict = judge(field, value);
    const label = `${field} = ${name}`;
    if (!verdict.accepted) {
      refused.push({ label, field: verdict.field, code: verdict.issue.code });
      continue;
    }
    const input = inputWith(field, value);
    if (input) accepted.push({ label, input, artefacts: generateArtefacts(input) });
  }
}

let directory = '';
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'hostile-values-'));
  accepted.forEach(({ artefacts }, index) => {
    writeFileSync(join(directory, `t${index}.yaml`), artefacts.template);
    writeFileSync(join(directory, `s${index}.sh`), artefacts.stackSetScript ?? '');
    writeFileSync(join(directory, `m${index}.sh`), artefacts.managementAccountScript ?? '');
    writeFileSync(join(directory, `c${index}.tf`), artefacts.terraform);
  });
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('given the catalogue of hostile values', () => {
  it('should hold at least 60 values, each with a name and a reason', () => {
    expect(HOSTILE_VALUE_CATALOGUE.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_VALUE_CATALOGUE.map(({ name }) => name)).size).toBe(
      HOSTILE_VALUE_CATALOGUE.length,
    );
    for (const entry of HOSTILE_VALUE_CATALOGUE) expect(entry.why).not.toBe('');
  });

  it('should refuse, at its field, what no artefact may carry', () => {
    const codes = Object.fromEntries(refused.map(({ label, code }) => [label, code]));
    expect(codes['connectionName = right-to-left override']).toBe('connectionName.bidiControl');
    expect(codes['connectionName = NUL']).toBe('connectionName.controlCharacter');
    expect(codes['roleNameSuffix = single quote']).toBe('roleNameSuffix.invalidCharacter');
    expect(codes['connectionName = long multibyte']).toBe('connectionName.tooLong');
    expect(codes['description = very long']).toBe('description.tooLong');
    expect(codes['description = accents and scripts']).toBe('description.invalidCharacter');
    expect(codes['managedPolicyArn = China policy ARN']).toBe('managedPolicy.partitionMismatch');
    expect(codes['trustedAccountId = look-alike account']).toBe(
      'settings.trustedAccountId.invalid',
    );
    expect(codes['region = look-alike region']).toBe('region.invalid');
    expect(codes['externalId = comma list']).toBeUndefined();
    expect(codes['allowedAction = non-ASCII action']).toBe('action.invalidName');
    expect(codes['email = email with newline']).toBe('access.email.invalid');
    expect(codes['templateUrl = plain']).toBe('settings.templateUrl.invalid');
  });

  it('should accept the controls and the legal oddities', () => {
    const labels = accepted.map(({ label }) => label);
    for (const label of [
      'connectionName = command substitution',
      'connectionName = emoji',
      'description = newlines',
      'description = long multibyte',
      'region = GovCloud region',
      'allowedAction = unknown service',
      'roleNameSuffix = role-name characters',
      'externalId = external ID characters',
      'trustedAccountId = account with leading zeros',
      'managedPolicyArn = policy ARN with comma',
      'allowedAction = action with wildcard',
    ]) {
      expect(labels).toContain(label);
    }
  });

  it('should refuse the platform settings the schema checks where they enter', () => {
    const settings = { trustedAccountId: '068664126052', region: 'us-east-1', regionLocked: false };
    const result = ValidDeploymentSettingsSchema.safeParse({ ...settings, externalId: 'a b' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('externalId must be 2 to 1,224');
    expect(
      ValidDeploymentSettingsSchema.safeParse({ ...settings, externalId: 'tenant=a,b:c/d' })
        .success,
    ).toBe(true);
  });

  // Several hundred templates in one cfn-lint run, which takes a while on a busy machine.
  it('should give templates cfn-lint finds no error or warning in', () => {
    const files = accepted.map((_, index) => `t${index}.yaml`);
    const result = spawnSync('cfn-lint', files, { cwd: directory, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 240_000);

  it("should carry each value exactly through cfn-lint's YAML loader", () => {
    const loaded = JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          [
            'import json, sys',
            'from cfnlint.decode import cfn_yaml',
            'names = sys.argv[1:]',
            'out = [cfn_yaml.loads(open(n, encoding="utf-8").read()) for n in names]',
            'sys.stdout.write(json.dumps(out, ensure_ascii=True))',
          ].join('\n'),
          ...accepted.map((_, index) => `t${index}.yaml`),
        ],
        { cwd: directory, maxBuffer: 1 << 28 },
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
    accepted.forEach(({ input }, index) => {
      const template = loaded[index]!;
      const role = template.Resources.ConnectionRole.Properties;
      expect(template.Description).toBe(templateDescription(input));
      expect(role.Description ?? '').toBe(input.description);
      expect(role.ManagedPolicyArns ?? []).toEqual([...new Set(input.managedPolicyArns)]);
      const actions = role.Policies[1]!.PolicyDocument.Statement[0]!.Action;
      expect(actions.slice(1)).toEqual(
        input.allowedActions.filter((action) => action.toLowerCase() !== 'ec2:describeregions'),
      );
    });
  });

  // Both scripts of every accepted value, several hundred: shellcheck needs a longer time limit.
  it('should give scripts bash parses, shellcheck passes, and whose values bash reads back', () => {
    const scripts: { file: string; input: ArtefactInput; script: string; template: string }[] = [];
    accepted.forEach(({ input, artefacts }, index) => {
      if (artefacts.stackSetScript !== null) {
        scripts.push({
          file: `s${index}.sh`,
          input,
          script: artefacts.stackSetScript,
          template: artefacts.template,
        });
      }
      if (artefacts.managementAccountScript !== null) {
        scripts.push({
          file: `m${index}.sh`,
          input,
          script: artefacts.managementAccountScript,
          template: artefacts.template,
        });
      }
    });
    // Every value reaches both kinds of script.
    expect(scripts.filter(({ file }) => file.startsWith('s'))).toHaveLength(accepted.length);
    expect(scripts.filter(({ file }) => file.startsWith('m'))).toHaveLength(accepted.length);
    const lint = spawnSync('shellcheck', ['--severity=style', ...scripts.map(({ file }) => file)], {
      cwd: directory,
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
      ].concat(scripts.map(({ file }) => file)),
      { cwd: directory, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    expect(parsed.stdout).toBe('');
    expect(parsed.status).toBe(0);

    // Everything before the account check only assigns variables, inside the subshell each
    // script opens: one bash runs that part of every script, prints the variables (five fields,
    // each ended by a NUL, which no accepted value holds) and closes the subshell.
    const readBack = scripts.map(({ file, script }) => {
      const assignments = script.slice(0, script.indexOf('# Stop unless'));
      const stackName = file.startsWith('s') ? 'STACK_SET_NAME' : 'STACK_NAME';
      return `${assignments}\nprintf '%s\\0' "$REGION" "$ROLE_NAME" "$${stackName}" "$PARAMETERS" "\${TEMPLATE_BODY-}"\n)\n`;
    });
    writeFileSync(join(directory, 'read-back.sh'), readBack.join(''));
    const printed = execFileSync('bash', ['read-back.sh'], {
      cwd: directory,
      env: { PATH: process.env.PATH ?? '' },
      maxBuffer: 1 << 28,
    })
      .toString('utf8')
      .split('\u0000');
    expect(printed).toHaveLength(scripts.length * 5 + 1);
    scripts.forEach(({ file, input, template }, index) => {
      const [region, roleName, stackName, parameters, body] = printed.slice(index * 5);
      expect([region, roleName, stackName], file).toEqual([
        input.region,
        input.roleName,
        input.stackSetName,
      ]);
      expect(JSON.parse(parameters!), file).toEqual([
        { ParameterKey: 'RoleName', ParameterValue: input.roleName },
        { ParameterKey: 'TrustedAccountId', ParameterValue: input.trustedAccountId },
        { ParameterKey: 'ExternalId', ParameterValue: input.externalId },
      ]);
      // The template as bash holds it is the template, byte for byte, whose description and
      // names cfn-lint's loader reads back above.
      expect(body, file).toBe(template);
    });
  }, 240_000);

  it('should give Terraform files terraform fmt leaves unchanged', () => {
    const result = spawnSync('terraform', ['fmt', '-check', '-list=true', '.'], {
      cwd: directory,
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('should give Terraform values that terraform reads back byte for byte', () => {
    // One `terraform console` for every accepted value: each configuration becomes locals
    // (see terraformAsLocals) and the console prints them all as base64 of their JSON.
    const consoleDirectory = join(directory, 'console');
    mkdirSync(consoleDirectory);
    accepted.forEach(({ artefacts }, index) => {
      writeFileSync(
        join(consoleDirectory, `c${index}.tf`),
        terraformAsLocals(artefacts.terraform, `c${index}`),
      );
    });
    const names: (keyof TerraformRead)[] = [
      'provider_aws',
      'resource_aws_iam_role_connection',
      'resource_aws_iam_role_policy_base',
      'resource_aws_iam_role_policy_allowed_actions',
      'resource_aws_iam_role_policy_attachment_managed',
    ];
    const all = accepted.map(
      (_, index) => `{ ${names.map((name) => `${name} = local.c${index}_${name}`).join(', ')} }`,
    );
    writeFileSync(
      join(consoleDirectory, 'all.tf'),
      `locals {\n  all = [\n${all.join(',\n')}\n  ]\n}\n`,
    );
    const result = spawnSync('terraform', ['console', '-no-color'], {
      cwd: consoleDirectory,
      input: 'base64encode(jsonencode(local.all))\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' },
      maxBuffer: 1 << 28,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const read = JSON.parse(
      Buffer.from(JSON.parse(result.stdout.trim()) as string, 'base64').toString('utf8'),
    ) as TerraformRead[];
    expect(read).toHaveLength(accepted.length);

    accepted.forEach(({ label, input }, index) => {
      const configuration = read[index]!;
      const role = configuration.resource_aws_iam_role_connection;
      expect(configuration.provider_aws, label).toEqual({ region: input.region });
      expect(role.name, label).toBe(input.roleName);
      expect(role.description ?? '', label).toBe(input.description);
      expect(JSON.parse(role.assume_role_policy), label).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: {
              AWS: `arn:${regionPartition(input.region)}:iam::${input.trustedAccountId}:root`,
            },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': input.externalId } },
          },
        ],
      });
      const allowed = configuration.resource_aws_iam_role_policy_allowed_actions;
      expect(allowed.role).toBe('ref:aws_iam_role.connection.name');
      const statement = (JSON.parse(allowed.policy) as { Statement: { Action: string[] }[] })
        .Statement[0]!;
      expect(statement.Action.slice(1), label).toEqual(
        input.allowedActions.filter((action) => action.toLowerCase() !== 'ec2:describeregions'),
      );
      // `toset` orders its strings lexically; the set is what Terraform attaches.
      const managed = configuration.resource_aws_iam_role_policy_attachment_managed;
      expect(managed.for_each, label).toEqual([...new Set(input.managedPolicyArns)].sort());
      expect(managed.policy_arn).toBe('ref:each.value');
    });
  });
});
