/**
 * The CloudFormation template shared by the StackSets and the management-account stack: the
 * connection role, its trust policy, its managed policies and its two inline policies.
 */
import { checkArtefactInput, templateDescription, utf8Length } from './checks';
import { ArtefactError } from './errors';
import { ALLOWED_ACTIONS_POLICY_NAME, BASE_POLICY_NAME, policyStatements } from './permissions';
import type { PolicyStatementSpec } from './permissions';
import type { ArtefactInput } from './types';
import { toYaml } from './yamlWriter';
import type { YamlMapping } from './yamlWriter';

/** CloudFormation's limit on a template passed inline with `--template-body`, in bytes. */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;

/** Logical ID of the role in the template. */
export const ROLE_LOGICAL_ID = 'ConnectionRole';

/**
 * Values that travel as template parameters, so `describe-stack-set` and `describe-stacks`
 * show them. The key order is the order of `--parameters` in the scripts.
 *
 * Managed policy ARNs and allowed actions are written into the template instead. As a
 * `CommaDelimitedList` parameter they could not be exact: an ARN may contain a comma
 * (`[\w+=,.@/-]` in policy paths and names), which would split it in two. They could not be
 * complete either: one parameter value holds 4,096 bytes, while twenty 2,048-character ARNs or a
 * 10,240-character inline policy do not fit. The whole template must stay within 51,200 bytes
 * (CloudFormation quotas, "Template body size in a request"), which `generateTemplate` checks.
 */
export function templateParameters(input: ArtefactInput): { key: string; value: string }[] {
  return [
    { key: 'RoleName', value: input.roleName },
    { key: 'TrustedAccountId', value: input.trustedAccountId },
    { key: 'ExternalId', value: input.externalId },
  ];
}

function statement(spec: PolicyStatementSpec): YamlMapping {
  return {
    Sid: spec.sid,
    Effect: 'Allow',
    Action: spec.actions,
    Resource:
      spec.resource === 'any'
        ? '*'
        : { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}' },
  };
}

function inlinePolicy(policyName: string, allowedActions: readonly string[]): YamlMapping {
  return {
    PolicyName: policyName,
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: policyStatements(policyName, allowedActions).map(statement),
    },
  };
}

/**
 * cfn-lint checks every action of a policy against its own list of IAM actions and warns about
 * any other (W3037). An allowed action the catalogue does not list is the user's deliberate
 * choice, already warned about in the Policies step: IAM accepts it, and new actions appear
 * before any list has them. So, for this role only and only when it holds such an action, the
 * template tells cfn-lint to skip that one check, through the resource's `Metadata`, where
 * cfn-lint reads its configuration for that resource. CloudFormation keeps a resource's
 * `Metadata` but does not act on it (CloudFormation User Guide, "Metadata attribute").
 */
const IGNORE_UNLISTED_ACTIONS: YamlMapping = {
  'cfn-lint': { config: { ignore_checks: ['W3037'] } },
};

function hasUnlistedAction(input: ArtefactInput): boolean {
  const unlisted = new Set((input.unlistedActions ?? []).map((action) => action.toLowerCase()));
  return input.allowedActions.some((action) => unlisted.has(action.toLowerCase()));
}

/**
 * How the scripts pass the template to CloudFormation: inline while it fits in
 * {@link MAX_TEMPLATE_BODY_BYTES}, else by the host's template URL. Throws `ArtefactError` when
 * the template is too large and the host gave no URL.
 */
export function templateSource(
  input: ArtefactInput,
  template: string,
): { kind: 'body'; body: string } | { kind: 'url'; url: string } {
  const bytes = utf8Length(template);
  if (bytes <= MAX_TEMPLATE_BODY_BYTES) return { kind: 'body', body: template };
  if (input.templateUrl !== undefined) return { kind: 'url', url: input.templateUrl };
  throw new ArtefactError(
    'template',
    'tooLong',
    `The template is ${bytes} bytes, more than the ${MAX_TEMPLATE_BODY_BYTES} CloudFormation accepts inline; attach fewer managed policies, allow fewer actions, or have the platform provide a template URL.`,
  );
}

/**
 * The CloudFormation template (YAML). Throws `ArtefactError` if the input cannot be exact, or
 * if the template is larger than CloudFormation accepts inline and the input has no
 * `templateUrl` to upload it to.
 */
export function generateTemplate(input: ArtefactInput): string {
  checkArtefactInput(input);

  const managedPolicyArns = [...new Set(input.managedPolicyArns)];
  const role: YamlMapping = {
    RoleName: { Ref: 'RoleName' },
    // The user's description, as the role's own (IAM allows up to 1,000 characters).
    ...(input.description !== '' ? { Description: input.description } : {}),
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          // The platform's account as a whole; it decides which of its principals may assume.
          // A role can trust only an account of its own partition (`aws`, `aws-cn`, `aws-us-gov`).
          Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${TrustedAccountId}:root' } },
          Action: 'sts:AssumeRole',
          // The external ID stops the confused-deputy problem: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
          Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
        },
      ],
    },
    // Left out when empty: an empty list and no list mean the same, and no list is simpler.
    ...(managedPolicyArns.length > 0 ? { ManagedPolicyArns: managedPolicyArns } : {}),
    Policies: [
      inlinePolicy(BASE_POLICY_NAME, input.allowedActions),
      inlinePolicy(ALLOWED_ACTIONS_POLICY_NAME, input.allowedActions),
    ],
  };

  const template = toYaml({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: templateDescription(input),
    Parameters: {
      RoleName: {
        Type: 'String',
        Description: 'Name of the IAM role the platform assumes.',
        // IAM role names (IAM API reference, CreateRole `RoleName`).
        AllowedPattern: '^[\\w+=,.@-]+$',
        MinLength: 1,
        MaxLength: 64,
      },
      TrustedAccountId: {
        Type: 'String',
        Description: 'The platform account allowed to assume the role.',
        AllowedPattern: '^[0-9]{12}$',
      },
      ExternalId: {
        Type: 'String',
        Description: 'External ID the platform must present when it assumes the role.',
        // STS external IDs (STS API reference, AssumeRole `ExternalId`).
        AllowedPattern: '^[\\w+=,.@:/-]*$',
        MinLength: 2,
        MaxLength: 1224,
      },
    },
    Resources: {
      [ROLE_LOGICAL_ID]: {
        Type: 'AWS::IAM::Role',
        ...(hasUnlistedAction(input) ? { Metadata: IGNORE_UNLISTED_ACTIONS } : {}),
        Properties: role,
      },
    },
    Outputs: {
      RoleArn: {
        Description: 'ARN of the connection role.',
        Value: { 'Fn::GetAtt': [ROLE_LOGICAL_ID, 'Arn'] },
      },
    },
  });

  templateSource(input, template);
  return template;
}
