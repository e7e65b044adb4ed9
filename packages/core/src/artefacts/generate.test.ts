import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXAMPLE_INPUTS } from './__golden__/examples';
import { ArtefactError } from './errors';
import { generateArtefacts } from './generate';
import { generateManagementAccountScript } from './managementAccountScript';
import { generateStackSetScript } from './stackSetScript';
import { generateTemplate } from './template';
import { generateTerraform } from './terraform';
import type { ArtefactInput } from './types';

const EXAMPLES = Object.entries(EXAMPLE_INPUTS);
const PRODUCTION = EXAMPLE_INPUTS.ouWithExclusion!;
const WHOLE_ORGANIZATION = EXAMPLE_INPUTS.rootWithManagementAccount!;

/** Runs a tool on `content` written to a fresh temporary directory as `fileName`. */
function runOn(fileName: string, content: string, command: string, args: readonly string[]) {
  const directory = mkdtempSync(join(tmpdir(), 'artefact-check-'));
  try {
    writeFileSync(join(directory, fileName), content);
    return spawnSync(command, [...args, fileName], { cwd: directory, encoding: 'utf8' });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

interface LoadedStatement {
  Sid: string;
  Effect: string;
  Action: string[];
  Resource: unknown;
}

/** The parts of a loaded template these tests read. */
interface LoadedTemplate {
  Description: string;
  Parameters: Record<string, unknown>;
  Resources: {
    ConnectionRole: {
      Metadata?: unknown;
      Properties: {
        RoleName: unknown;
        Description?: string;
        ManagedPolicyArns?: string[];
        Policies: { PolicyName: string; PolicyDocument: { Statement: LoadedStatement[] } }[];
      };
    };
  };
}

/** The template as cfn-lint's YAML loader reads it, as plain JSON data. */
function loadTemplate(template: string): LoadedTemplate {
  const output = execFileSync(
    'python3',
    [
      '-c',
      'import json, sys\nfrom cfnlint.decode import cfn_yaml\nsys.stdout.write(json.dumps(cfn_yaml.loads(sys.stdin.read()), ensure_ascii=True))',
    ],
    { input: template },
  );
  return JSON.parse(output.toString('utf8')) as LoadedTemplate;
}

describe.each(EXAMPLES)('given the example input %s', (_name, input) => {
  const artefacts = generateArtefacts(input);

  it('should give the same bytes when generated twice', () => {
    expect(generateArtefacts(structuredClone(input))).toEqual(artefacts);
  });

  it('should give a template cfn-lint finds no error or warning in', () => {
    const result = runOn('template.yaml', artefacts.template, 'cfn-lint', []);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('should give scripts that bash parses and shellcheck finds nothing in', () => {
    for (const script of [artefacts.stackSetScript, artefacts.managementAccountScript]) {
      if (script === null) continue;
      expect(runOn('script.sh', script, 'bash', ['-n']).status).toBe(0);
      const lint = runOn('script.sh', script, 'shellcheck', ['--severity=style']);
      expect(lint.stdout).toBe('');
      expect(lint.status).toBe(0);
    }
  });

  it('should give a Terraform configuration that terraform fmt leaves unchanged', () => {
    const result = runOn('main.tf', artefacts.terraform, 'terraform', ['fmt', '-check', '-diff']);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('should carry the connection name, description and role name exactly in the template', () => {
    const template = loadTemplate(artefacts.template);
    // The stack is known by the connection's name; the description is the role's own.
    expect(template.Description).toBe(input.connectionName);
    expect(template.Resources.ConnectionRole.Properties.Description).toBe(
      input.description === '' ? undefined : input.description,
    );
    expect(template.Resources.ConnectionRole.Properties.RoleName).toEqual({ Ref: 'RoleName' });
    expect(Object.keys(template.Parameters)).toEqual([
      'RoleName',
      'TrustedAccountId',
      'ExternalId',
    ]);
  });

  it('should apply Terraform in exactly the accounts covered now, sorted', () => {
    expect(artefacts.terraformAccounts).toEqual([...input.plan.coverage.now].sort());
  });
});

describe('given an input whose scope leaves the management account out', () => {
  it('should give no management-account script', () => {
    expect(generateManagementAccountScript(PRODUCTION)).toBeNull();
  });

  it('should deploy with an explicit DIFFERENCE filter, quoted as one word', () => {
    expect(generateStackSetScript(PRODUCTION)).toContain(
      `--deployment-targets '{"OrganizationalUnitIds":["ou-ab12-prod0001"],"Accounts":["222222222222"],"AccountFilterType":"DIFFERENCE"}'`,
    );
  });

  it('should leave ManagedPolicyArns out of the template when there is none', () => {
    const role = loadTemplate(generateTemplate(PRODUCTION)).Resources.ConnectionRole.Properties;
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(generateTerraform(PRODUCTION)).toContain('for_each = toset([])');
  });

  it('should add the allowed actions after ec2:DescribeRegions, on any resource', () => {
    const role = loadTemplate(generateTemplate(PRODUCTION)).Resources.ConnectionRole.Properties;
    expect(role.Policies[1]!.PolicyDocument.Statement).toEqual([
      {
        Sid: 'AllowedActions',
        Effect: 'Allow',
        Action: ['ec2:DescribeRegions', 's3:GetObject', 's3:ListBucket'],
        Resource: '*',
      },
    ]);
  });
});

describe('given a plan with no StackSet', () => {
  it('should give no StackSet script', () => {
    expect(generateStackSetScript(EXAMPLE_INPUTS.managementAccountOnly!)).toBeNull();
  });
});

describe('given a plan with a StackSet of accounts picked one by one', () => {
  const script = generateStackSetScript(WHOLE_ORGANIZATION) ?? '';

  it('should name it after the main StackSet and turn automatic deployment off', () => {
    expect(script).toContain(
      "ACCOUNTS_STACK_SET_NAME='doit-cloudflow-ops-all-team-1fe74303-accounts'",
    );
    // RetainStacksOnAccountRemoval may be given only when automatic deployment is on.
    expect(script).toContain('--auto-deployment Enabled=false \\\n');
    expect(script).toContain('--auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false');
    expect(script).not.toContain('Enabled=false,');
  });

  it('should leave out an allowed action that repeats a base action in another case', () => {
    const role = loadTemplate(generateTemplate(WHOLE_ORGANIZATION)).Resources.ConnectionRole
      .Properties;
    expect(role.Policies[1]!.PolicyDocument.Statement[0]!.Action).toEqual([
      'ec2:DescribeRegions',
      'ec2:DescribeInstances',
      'iam:*AccessKey*',
    ]);
  });
});

describe('given allowed actions the IAM action catalogue does not list', () => {
  const unlisted = ['foo:Bar', 's3:GetObjectt', 'ec2:Describe*Zebra*', 'a-b:c'];
  const input: ArtefactInput = {
    ...PRODUCTION,
    allowedActions: ['s3:GetObject', ...unlisted],
    unlistedActions: unlisted,
  };

  it('should tell cfn-lint to skip its action check for the role, and only then', () => {
    const template = generateTemplate(input);
    expect(loadTemplate(template).Resources.ConnectionRole.Metadata).toEqual({
      'cfn-lint': { config: { ignore_checks: ['W3037'] } },
    });
    const result = runOn('template.yaml', template, 'cfn-lint', []);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(loadTemplate(artefactsOf(PRODUCTION)).Resources.ConnectionRole.Metadata).toBe(undefined);
  });

  it('should be what cfn-lint warns about without that mark', () => {
    const template = generateTemplate({ ...input, unlistedActions: [] });
    const result = runOn('template.yaml', template, 'cfn-lint', []);
    expect(result.stdout.match(/^W3037 /gm)).toHaveLength(unlisted.length);
    expect(result.status).toBe(4);
  });
});

function artefactsOf(input: ArtefactInput): string {
  return generateArtefacts(input).template;
}

describe('given values that no artefact can carry exactly', () => {
  function withChanges(changes: Partial<ArtefactInput>): ArtefactInput {
    return { ...PRODUCTION, ...changes };
  }

  function codeOf(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      if (error instanceof ArtefactError) return `${error.code}/${error.reason}`;
      throw error;
    }
    return 'none';
  }

  it('should refuse characters IAM policy documents do not accept', () => {
    expect(codeOf(() => generateArtefacts(withChanges({ externalId: 'ext-😀' })))).toBe(
      'externalId/unrepresentableCharacter',
    );
    expect(codeOf(() => generateArtefacts(withChanges({ allowedActions: ['s3:Get\u0100'] })))).toBe(
      'allowedActions/unrepresentableCharacter',
    );
  });

  it('should refuse a lone surrogate in any field', () => {
    expect(codeOf(() => generateTerraform(withChanges({ connectionName: 'a\ud800' })))).toBe(
      'connectionName/unrepresentableCharacter',
    );
  });

  it('should refuse a description longer than IAM holds as too long, not as a bad character', () => {
    expect(codeOf(() => generateTemplate(withChanges({ description: 'é'.repeat(1001) })))).toBe(
      'description/tooLong',
    );
    // 2,000 bytes: more than a template description holds, but the role's own takes it.
    expect(codeOf(() => generateTemplate(withChanges({ description: 'é'.repeat(1000) })))).toBe(
      'none',
    );
    expect(codeOf(() => generateTemplate(withChanges({ description: 'emoji 😀' })))).toBe(
      'description/unrepresentableCharacter',
    );
  });

  it('should refuse a managed policy of another partition than the Region', () => {
    const arn = 'arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess';
    expect(codeOf(() => generateTerraform(withChanges({ managedPolicyArns: [arn] })))).toBe(
      'managedPolicyArns/invalidFormat',
    );
    expect(
      codeOf(() =>
        generateTerraform(withChanges({ managedPolicyArns: [arn], region: 'us-gov-west-1' })),
      ),
    ).toBe('none');
  });

  it('should refuse an invalid StackSet name', () => {
    expect(codeOf(() => generateStackSetScript(withChanges({ stackSetName: 'a_b' })))).toBe(
      'stackSetName/invalidFormat',
    );
  });

  it('should refuse a template larger than CloudFormation accepts inline', () => {
    const arns = Array.from(
      { length: 20 },
      (_, index) => `arn:aws:iam::aws:policy/${'P'.repeat(2500)}${index}`,
    );
    expect(codeOf(() => generateTemplate(withChanges({ managedPolicyArns: arns })))).toBe(
      'template/tooLong',
    );
  });
});
