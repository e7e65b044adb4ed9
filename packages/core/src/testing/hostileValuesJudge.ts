/**
 * Decides, for each field that reaches an artefact, whether the wizard's validation refuses a
 * value (and with which code, at which field) or passes it on to the generators, and renders
 * the catalogue, with the verdicts and the reasons for each refusal, as `docs/hostile-values.md`.
 */
import { artefactErrorIssue } from '../artefacts/errors';
import { STACK_SET_NAME_PATTERN } from '../artefacts/names';
import {
  validateAccess,
  validateDeploymentSettings,
  validateDetails,
  type ValidationIssue,
} from '../model/validation';
import { ROLE_NAME_PREFIX } from '../model/values';
import { validatePolicies } from '../policies';
import { HOSTILE_VALUE_CATALOGUE } from './hostileValues';

export const HOSTILE_FIELDS = [
  'connectionName',
  'roleNameSuffix',
  'description',
  'allowedAction',
  'managedPolicyArn',
  'email',
  'trustedAccountId',
  'externalId',
  'region',
  'templateUrl',
  'stackSetName',
] as const;
export type HostileField = (typeof HOSTILE_FIELDS)[number];

export type Verdict =
  | { accepted: true }
  | {
      accepted: false;
      field: string;
      issue: ValidationIssue | { code: string; params?: Record<string, string | number> };
    };

const SETTINGS = {
  trustedAccountId: '068664126052',
  externalId: 'tenant-acme',
  region: 'us-east-1',
};

function first(errors: Record<string, ValidationIssue>, field: string): Verdict {
  const issue = errors[field];
  return issue ? { accepted: false, field, issue } : { accepted: true };
}

export function judge(field: HostileField, value: string): Verdict {
  const details = {
    connectionName: 'Ops',
    roleNameSuffix: 'ops',
    roleNameEdited: true,
    description: '',
  };
  switch (field) {
    case 'connectionName':
      return first(
        validateDetails({ ...details, connectionName: value }),
        'details.connectionName',
      );
    case 'roleNameSuffix':
      return first(
        validateDetails({ ...details, roleNameSuffix: value }),
        'details.roleNameSuffix',
      );
    case 'description':
      return first(validateDetails({ ...details, description: value }), 'details.description');
    case 'allowedAction': {
      const { errors } = validatePolicies({ managedPolicyArns: [], allowedActions: [value] });
      const path = Object.keys(errors)[0];
      return path === undefined ? { accepted: true } : first(errors, path);
    }
    case 'managedPolicyArn': {
      // The wizard checks a policy's partition against the Region the role is deployed in.
      const { errors } = validatePolicies(
        { managedPolicyArns: [value], allowedActions: [] },
        { region: SETTINGS.region },
      );
      const path = Object.keys(errors)[0];
      return path === undefined ? { accepted: true } : first(errors, path);
    }
    case 'email':
      return first(
        validateAccess([{ email: value, level: 'owner' }], {
          levels: ['owner', 'editor', 'user'],
          creatorEmail: value,
        }),
        'access.0.email',
      );
    case 'trustedAccountId':
    case 'externalId':
    case 'region':
    case 'templateUrl':
      return first(
        validateDeploymentSettings({ ...SETTINGS, [field]: value }),
        `settings.${field}`,
      );
    case 'stackSetName':
      // Derived from the role name by `stackSetNameFor`, never typed; the generators refuse any
      // other form with an ArtefactError on this field.
      return STACK_SET_NAME_PATTERN.test(value)
        ? { accepted: true }
        : {
            accepted: false,
            field: 'stackSetName',
            issue: artefactErrorIssue({ code: 'stackSetName', reason: 'invalidFormat' }),
          };
  }
}

/** Every character outside printable ASCII as `\u{…}`, so invisible ones can be seen. */
function escapeInvisible(text: string): string {
  return [...text]
    .map((character) => {
      const code = character.codePointAt(0) ?? 0;
      if (character === '|') return '\\|';
      if (character === '`') return '\\u{60}';
      if (code >= 0x20 && code < 0x7f) return character;
      return `\\u{${code.toString(16).toUpperCase()}}`;
    })
    .join('');
}

/** The value as a reader can see it: shortened when long, invisible characters escaped. */
function visible(value: string): string {
  if (value === '') return '(empty)';
  return escapeInvisible(
    value.length > 60 ? `${value.slice(0, 24)}… (${value.length} characters)` : value,
  );
}

/** The English text of a refusal, as the `plan` command prints it after the field's name. */
export type RefusalMessage = (code: string, params: Record<string, string | number>) => string;

/**
 * `docs/hostile-values.md`: a table with one row per value and one column per field, then, for
 * each value refused anywhere, the message each refusing field shows (from `message`, which
 * the sdk's command supplies, so core does not depend on its texts).
 */
export function renderHostileValuesTable(message: RefusalMessage): string {
  const lines = [
    '# Hostile values',
    '',
    'Generated by `scripts/hostile-values-table.sh` from',
    '`packages/core/src/testing/hostileValues.ts`; `packages/sdk/src/cli/hostileValues.test.ts`',
    'fails when this file is out of date. Each value is tried in every field that reaches a',
    'generated artefact. A cell says **ok** when the value is accepted (the tests then prove,',
    "with bash, shellcheck, cfn-lint, cfn-lint's YAML loader, `terraform fmt` and",
    '`terraform console`, that every artefact carries it unchanged), or the code of the message',
    'shown at the field when it is refused. [Why each value is refused](#why-each-value-is-refused)',
    'gives that message, in the words the `plan` command prints after the name of the field; the',
    'wizard shows its own text for the same code at the field. Characters outside printable',
    'ASCII are shown as `\\u{…}`.',
    '',
    'Beyond the table, `packages/core/src/artefacts/execution.test.ts` runs the scripts for a few of',
    'these values with the AWS CLI against moto and compares the created role and StackSet with the',
    'intended values; `packages/sdk/src/cli/hostileValues.test.ts` feeds every value in every',
    'field to the `plan` command, which must exit 2 naming the field where this table shows a',
    'code, and otherwise write files the same tools accept, carrying the value unchanged.',
    '',
    `| Value | Why it is hostile | ${HOSTILE_FIELDS.join(' | ')} |`,
    `| --- | --- | ${HOSTILE_FIELDS.map(() => '---').join(' | ')} |`,
  ];
  const reasons: string[] = ['', '## Why each value is refused', ''];
  for (const { name, value, why } of HOSTILE_VALUE_CATALOGUE) {
    const verdicts = HOSTILE_FIELDS.map((field) => [field, judge(field, value)] as const);
    const cells = verdicts.map(([, verdict]) =>
      verdict.accepted ? '**ok**' : `\`${verdict.issue.code}\``,
    );
    lines.push(`| ${name}: \`${visible(value)}\` | ${why} | ${cells.join(' | ')} |`);

    const refusals = verdicts.flatMap(([field, verdict]) =>
      verdict.accepted
        ? []
        : [
            `- ${field} (\`${verdict.issue.code}\`): ${escapeInvisible(
              message(verdict.issue.code, verdict.issue.params ?? {}),
            )}`,
          ],
    );
    const accepted = verdicts.filter(([, verdict]) => verdict.accepted).map(([field]) => field);
    reasons.push(`### ${name}: \`${visible(value)}\``, '');
    reasons.push(...refusals);
    reasons.push(
      accepted.length > 0
        ? `- Accepted, and carried unchanged, in: ${accepted.join(', ')}.`
        : '- Accepted in no field.',
      '',
    );
  }
  return `${[...lines, ...reasons].join('\n').trimEnd()}\n`;
}

/** The role name the generators receive for an accepted suffix. */
export function roleNameFor(suffix: string): string {
  return ROLE_NAME_PREFIX + suffix;
}
