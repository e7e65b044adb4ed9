/**
 * The files the `plan` command reads besides the organisation: ANSWERS.json (what a user enters
 * in the wizard's five steps) and PLATFORM.json (what the host's platform decides). Their shape
 * is checked here; what the values mean (names, scope, policies, access) is judged by core's
 * own validation in `checkAnswers.ts`, with the wizard's message codes. The JSON Schemas in
 * `packages/sdk/schemas/` are generated from these zod schemas: after `npm run build`, run
 * `node packages/sdk/dist/cli.js schema answers > packages/sdk/schemas/answers.schema.json`
 * (likewise `platform`), then `npx prettier --write packages/sdk/schemas`.
 */
import * as z from 'zod/mini';

import {
  ACCOUNT_ID_PATTERN,
  DEFAULT_ACCESS_LEVELS,
  DEFAULT_MANAGED_POLICY_QUOTA,
  EXTERNAL_ID_PATTERN,
  OU_ID_PATTERN,
  REGION_PATTERN,
  ROOT_ID_PATTERN,
  deriveRoleNameSuffix,
} from '@aws-connection-wizard/core';
import type { DeploymentSettings, WizardValues } from '@aws-connection-wizard/core';

import { SAMPLE_TRUSTED_ACCOUNT_ID } from '../memory/inMemoryAdapters';
import { externalIdFor } from '../memory/simulation';

/** The body of an anchored pattern, to combine several into one. */
function patternBody(pattern: RegExp): string {
  return pattern.source.replace(/^\^/, '').replace(/\$$/, '');
}

const NODE_ID_PATTERN = new RegExp(
  `^(?:${[ROOT_ID_PATTERN, OU_ID_PATTERN, ACCOUNT_ID_PATTERN].map(patternBody).join('|')})$`,
);

const AccountId = z
  .string()
  .check(z.regex(ACCOUNT_ID_PATTERN, { error: 'must be a 12-digit account ID' }));

export const AnswersSchema = z
  .strictObject({
    $schema: z.optional(
      z.string().check(z.describe('The JSON Schema this file follows, for editors.')),
    ),
    connectionName: z
      .string()
      .check(
        z.describe(
          'The connection name shown in the platform: 1 to 64 characters after trimming, shown as text.',
        ),
      ),
    roleName: z.optional(
      z
        .string()
        .check(
          z.describe(
            'The IAM role name after the fixed prefix `doit-cloudflow-`. Derived from the connection name when omitted.',
          ),
        ),
    ),
    description: z.optional(
      z
        .string()
        .check(z.describe('An optional description of the connection and of the IAM role.')),
    ),
    managementAccountId: AccountId.check(
      z.describe("The organisation's management account, as DescribeOrganization reports it."),
    ),
    scope: z
      .strictObject({
        selected: z
          .array(
            z
              .string()
              .check(z.regex(NODE_ID_PATTERN, { error: 'must be a root, OU or account ID' })),
          )
          .check(
            z.describe(
              'The root, OUs and accounts to deploy the role to. A root or OU also covers its child OUs and every account added to it later.',
            ),
          ),
        excluded: z.optional(
          z
            .array(AccountId)
            .check(z.describe('Accounts inside a selected root or OU that must not get the role.')),
        ),
        managementAccount: z.optional(
          z
            .enum(['include', 'exclude'])
            .check(
              z.describe(
                'Required when a selected root or OU contains the management account, and refused otherwise: whether to create the role there too (with its own command, since StackSets never deploy to it). To give it the role when nothing selected contains it, list its id in selected instead.',
              ),
            ),
        ),
        pickedAccountsAutoDeployment: z.optional(
          z
            .enum(['off', 'on'])
            .check(
              z.describe(
                'For accounts selected one by one: `off` (default) deploys to exactly those accounts with a StackSet of their own; `on` lets automatic deployment also reach accounts added later to their OUs.',
              ),
            ),
        ),
      })
      .check(z.describe('What the role is deployed to.')),
    policies: z
      .strictObject({
        managedPolicyArns: z.optional(
          z.array(z.string()).check(z.describe('AWS managed policy ARNs attached to the role.')),
        ),
        allowedActions: z.optional(
          z
            .array(z.string())
            .check(
              z.describe(
                'IAM actions the role may perform, as `service:Action` (wildcards allowed).',
              ),
            ),
        ),
      })
      .check(
        z.describe('The permissions of the role: at least one managed policy or allowed action.'),
      ),
    access: z.optional(
      z
        .array(
          z.strictObject({
            email: z.string().check(z.describe("A platform user's email address.")),
            level: z
              .string()
              .check(
                z.describe('The connection access level: `owner`, `editor` or `user` by default.'),
              ),
          }),
        )
        .check(z.describe('Platform users who may use the connection, with their access level.')),
    ),
    createdBy: z.optional(
      z
        .string()
        .check(
          z.describe(
            'The user who creates the connection. When given, they must be on `access` as owner, as in the wizard.',
          ),
        ),
    ),
    region: z.optional(
      z
        .string()
        .check(z.regex(REGION_PATTERN, { error: 'must be a Region code such as us-east-1' }))
        .check(z.describe("The single Region of the StackSet. Defaults to the platform's Region.")),
    ),
  })
  .check(
    z.meta({
      title: 'AWS connection wizard answers',
      description:
        'What a user enters in the wizard, for `aws-connection-wizard plan --answers ANSWERS.json`.',
    }),
  );
export type Answers = z.infer<typeof AnswersSchema>;

/** The platform's defaults when PLATFORM.json leaves a field out. */
export const DEFAULT_PLATFORM_REGION = 'us-east-1';

export const PlatformSchema = z
  .strictObject({
    $schema: z.optional(
      z.string().check(z.describe('The JSON Schema this file follows, for editors.')),
    ),
    trustedAccountId: z.optional(
      AccountId.check(
        z.describe(
          `The platform's AWS account that assumes the role. Defaults to the sample platform's ${SAMPLE_TRUSTED_ACCOUNT_ID}.`,
        ),
      ),
    ),
    externalId: z.optional(
      z
        .string()
        .check(
          z.regex(EXTERNAL_ID_PATTERN, {
            error: 'must be 2 to 1224 characters of letters, digits and + = , . @ : / _ -',
          }),
        )
        .check(
          z.describe(
            'The external ID the platform generated for this customer. Defaults to a sample ID derived from the management account: a real platform must supply its own, random and unique per customer.',
          ),
        ),
    ),
    region: z.optional(
      z
        .string()
        .check(z.regex(REGION_PATTERN, { error: 'must be a Region code such as us-east-1' }))
        .check(
          z.describe(`The platform's default Region. Defaults to ${DEFAULT_PLATFORM_REGION}.`),
        ),
    ),
    templateUrl: z.optional(
      z
        .string()
        .check(
          z.describe(
            'An https Amazon S3 URL where the platform hosts the template, for templates larger than CloudFormation accepts inline.',
          ),
        ),
    ),
    regionLocked: z.optional(
      z
        .boolean()
        .check(z.describe('When true, answers cannot choose another Region. Defaults to false.')),
    ),
    accessLevels: z.optional(
      z
        .array(z.string())
        .check(z.minLength(1))
        .check(
          z.describe(
            `The connection access levels offered, most privileged first. Defaults to ${DEFAULT_ACCESS_LEVELS.join(', ')}.`,
          ),
        ),
    ),
    managedPolicyQuota: z.optional(
      z
        .int()
        .check(z.gte(1))
        .check(
          z.describe(
            `IAM's quota of managed policies per role in the customer's accounts. Defaults to ${DEFAULT_MANAGED_POLICY_QUOTA}.`,
          ),
        ),
    ),
  })
  .check(
    z.meta({
      title: 'AWS connection wizard platform settings',
      description:
        'What the host platform decides, for `aws-connection-wizard plan --platform PLATFORM.json`.',
    }),
  );
export type Platform = z.infer<typeof PlatformSchema>;

/** The platform settings with every default filled in, and which ones were defaults. */
export interface ResolvedPlatform {
  settings: DeploymentSettings;
  accessLevels: readonly string[];
  managedPolicyQuota: number;
  /** Fields PLATFORM.json did not give, so a sample default was used. */
  defaulted: ('trustedAccountId' | 'externalId')[];
}

export function resolvePlatform(platform: Platform, managementAccountId: string): ResolvedPlatform {
  const defaulted: ResolvedPlatform['defaulted'] = [];
  if (platform.trustedAccountId === undefined) defaulted.push('trustedAccountId');
  if (platform.externalId === undefined) defaulted.push('externalId');
  return {
    settings: {
      trustedAccountId: platform.trustedAccountId ?? SAMPLE_TRUSTED_ACCOUNT_ID,
      externalId: platform.externalId ?? externalIdFor(managementAccountId),
      region: platform.region ?? DEFAULT_PLATFORM_REGION,
      regionLocked: platform.regionLocked ?? false,
      ...(platform.templateUrl === undefined ? {} : { templateUrl: platform.templateUrl }),
    },
    accessLevels: platform.accessLevels ?? DEFAULT_ACCESS_LEVELS,
    managedPolicyQuota: platform.managedPolicyQuota ?? DEFAULT_MANAGED_POLICY_QUOTA,
    defaulted,
  };
}

/**
 * The wizard's values for these answers, as the five steps would hold them: the role name
 * follows the connection name unless given, exactly as the Details step derives it.
 */
export function toWizardValues(answers: Answers): WizardValues {
  return {
    details: {
      connectionName: answers.connectionName,
      roleNameSuffix: answers.roleName ?? deriveRoleNameSuffix(answers.connectionName),
      roleNameEdited: answers.roleName !== undefined,
      description: answers.description ?? '',
    },
    managementAccountId: answers.managementAccountId,
    scope: {
      selected: [...answers.scope.selected],
      excluded: [...(answers.scope.excluded ?? [])],
      managementAccount: answers.scope.managementAccount ?? null,
      pickedAccountsAutoDeployment: answers.scope.pickedAccountsAutoDeployment ?? 'off',
    },
    policies: {
      managedPolicyArns: [...(answers.policies.managedPolicyArns ?? [])],
      allowedActions: [...(answers.policies.allowedActions ?? [])],
    },
    access: (answers.access ?? []).map((entry) => ({ email: entry.email, level: entry.level })),
    region: answers.region ?? null,
  };
}

/** The JSON Schema of a file the `plan` command reads, serialised as committed. */
export function jsonSchemaText(which: 'answers' | 'platform'): string {
  const schema = which === 'answers' ? AnswersSchema : PlatformSchema;
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }), null, 2)}\n`;
}
