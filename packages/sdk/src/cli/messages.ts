/**
 * English texts of the `plan` command: one per problem and warning code that core reports (the
 * same codes the wizard translates), plus the few checks only a file of answers needs, because
 * the wizard's tree and prompts make those mistakes impossible to click. The record types list
 * every code, so a code added to core without a text here fails the typecheck.
 */
import type {
  PolicyWarningCode,
  ValidationCode,
  WizardIssueCode,
} from '@aws-connection-wizard/core';

export type MessageParams = Record<string, string | number>;
type Message = (params: MessageParams) => string;
/** Every code of `C` must have a text; texts for codes core has not released yet may wait here. */
type Catalogue<C extends string> = { [K in C]: Message } & Record<string, Message>;

/** Problems that only a file of answers can have. */
export type AnswersIssueCode =
  | 'scope.unknownId'
  | 'scope.notSelectable'
  | 'scope.excludedOutsideScope'
  | 'scope.excludedManagementAccount'
  | 'scope.managementAccountDecision.contradicts'
  | 'scope.managementAccountDecision.notCovered'
  | 'scope.selectedAndExcluded'
  | 'managementAccount.mismatch'
  | 'region.locked';

export type IssueCode = ValidationCode | WizardIssueCode | AnswersIssueCode;

const show = (params: MessageParams, key: string) => String(params[key] ?? '');

/** What a value the artefacts cannot carry breaks: the rule of its place, where there is one. */
function artefactRule(params: MessageParams): string {
  const field = show(params, 'field');
  switch (show(params, 'reason')) {
    case 'tooLong':
      return 'is longer than AWS accepts in that place of the artefacts';
    case 'invalidFormat':
      if (field === 'stackSetName') {
        return 'must start with a letter and hold only letters, digits and hyphens, at most 128 characters, to name a StackSet and a stack';
      }
      if (field === 'templateUrl') {
        return 'must be the https Amazon S3 URL of an object, of at most 1,024 characters';
      }
      return 'is not of the form AWS requires in that place of the artefacts';
    default:
      return 'holds a character the artefacts cannot write exactly';
  }
}

export const ISSUE_MESSAGES: Catalogue<IssueCode> = {
  'connectionName.required': () => 'is required: enter a connection name.',
  'connectionName.tooLong': (p) => `is too long: use at most ${show(p, 'max')} characters.`,
  'connectionName.controlCharacter': (p) =>
    `contains the control character ${show(p, 'character')}; a name is a single line of text.`,
  'connectionName.bidiControl': (p) =>
    `contains the text-direction character ${show(p, 'character')}, which makes the name read differently from what it is.`,
  'connectionName.invisibleCharacter': (p) =>
    `contains the invisible character ${show(p, 'character')}.`,
  'connectionName.malformed': () => 'contains text that cannot be stored (a lone surrogate).',
  'connectionName.taken': () => 'is already used by another connection.',
  'roleNameSuffix.required': () =>
    'is required: the connection name gives no usable IAM role name, so set roleName.',
  'roleNameSuffix.invalidCharacter': (p) =>
    `contains "${show(p, 'character')}" (${show(p, 'codePoint')}), which IAM role names do not allow; use letters, digits and + = , . @ _ -`,
  'roleNameSuffix.tooLong': (p) =>
    `is too long: use at most ${show(p, 'max')} characters, since IAM role names are limited to 64 including the prefix.`,
  'description.tooLong': (p) => `is too long: use at most ${show(p, 'max')} characters.`,
  'description.invalidCharacter': (p) =>
    `contains "${show(p, 'character')}" (${show(p, 'codePoint')}), which IAM role descriptions do not allow.`,
  'region.invalid': () => 'must be an AWS Region code such as us-east-1.',
  'settings.trustedAccountId.invalid': () => 'must be a 12-digit account ID.',
  'settings.externalId.invalid': () =>
    'must be 2 to 1224 characters of letters, digits and + = , . @ : / _ -',
  'settings.templateUrl.invalid': () =>
    'must be the https Amazon S3 URL of an object, of at most 1024 characters.',
  'access.email.required': () => 'is required: enter an email address or remove this entry.',
  'access.email.invalid': () => 'is not a valid email address.',
  'access.email.duplicate': (p) => `repeats the email address of access[${show(p, 'row')}].`,
  'access.email.notPlatformUser': (p) =>
    `${show(p, 'email')} is not a user of the platform: invite them there first.`,
  'access.level.required': () => 'is required: choose an access level.',
  'access.level.unknown': (p) =>
    `"${show(p, 'level')}" is not one of the platform's access levels.`,
  'access.creator.missing': (p) =>
    `must include the creator ${show(p, 'email')} (createdBy) as owner.`,
  'access.creator.notOwner': (p) => `must give the creator the level ${show(p, 'level')}.`,
  'policies.empty': () => 'must attach a managed policy or allow at least one action.',
  'action.invalid': () => 'must have the form service:Action, for example ec2:DescribeInstances.',
  'action.invalidServicePrefix': () =>
    'has a service prefix with characters other than letters, digits and hyphens.',
  'action.invalidName': () =>
    'has an action name with characters other than letters, digits and the wildcards * and ?.',
  'action.duplicate': (p) =>
    `repeats allowedActions[${show(p, 'row')}] (IAM compares actions without regard to case).`,
  'managedPolicy.invalidArn': () => 'is not an AWS managed policy ARN.',
  'managedPolicy.arnTooLong': (p) =>
    `is ${show(p, 'length')} characters long; IAM accepts ARNs of at most ${show(p, 'max')}.`,
  'managedPolicy.pathTooLong': (p) =>
    `has a path of ${show(p, 'length')} characters; IAM accepts policy paths of at most ${show(p, 'max')}.`,
  'managedPolicy.partitionMismatch': (p) =>
    `is in the partition ${show(p, 'partition')}, but the Region ${show(p, 'region')} is in ${show(p, 'expected')}; use the policy's ${show(p, 'expected')} ARN.`,
  'managedPolicy.serviceLinked': (p) =>
    `is ${show(p, 'name')}, a policy for service-linked roles, which cannot be attached to this role.`,
  'managedPolicy.duplicate': (p) => `repeats managedPolicyArns[${show(p, 'row')}].`,
  'managedPolicies.quotaExceeded': (p) =>
    `lists ${show(p, 'count')} managed policies, more than the ${show(p, 'quota')} IAM allows per role.`,
  'policies.inlinePolicyTooLarge': (p) =>
    `make an inline policy of ${show(p, 'size')} characters, more than the ${show(p, 'max')} IAM allows; remove or combine some.`,
  'template.tooLarge': () =>
    'make a template larger than CloudFormation accepts inline; the platform must host it (templateUrl).',
  'artefact.invalidInput': (p) => `${artefactRule(p)} (${show(p, 'field')}).`,
  'managementAccount.required': () => 'is required: choose the management account.',
  'managementAccount.notOnboarded': (p) =>
    `${show(p, 'accountId')} is not a management account onboarded in the platform.`,
  'managementAccount.notConnected': (p) =>
    `${show(p, 'accountId')} is not connected to the platform, so it has no permissions to reuse.`,
  'scope.required': () => 'must select at least one account, OU or the root.',
  'scope.managementAccountDecision.required': (p) =>
    `is required: a selected root or OU contains the management account ${show(p, 'id')}, so answer "include" or "exclude".`,
  'scope.unknownId': (p) =>
    `unknown id ${show(p, 'id')}: it is not the root, an OU or an account of the organisation ${show(p, 'organization')}.`,
  'scope.notSelectable': (p) =>
    `account ${show(p, 'id')} is ${show(p, 'state')} and cannot take the role; remove it.`,
  'scope.excludedOutsideScope': (p) =>
    `account ${show(p, 'id')} is not inside a selected root or OU, so there is nothing to exclude it from.`,
  'scope.excludedManagementAccount': (p) =>
    `${show(p, 'id')} is the management account, which StackSets never deploy to; answer scope.managementAccount instead.`,
  'scope.managementAccountDecision.contradicts': (p) =>
    `is "exclude", but the management account ${show(p, 'id')} is itself in scope.selected.`,
  'scope.managementAccountDecision.notCovered': (p) =>
    `is "${show(p, 'decision')}", but nothing in scope.selected contains the management account ${show(p, 'id')}, so there is nothing to decide: to give it the role, add ${show(p, 'id')} to scope.selected; otherwise remove this answer.`,
  'scope.selectedAndExcluded': (p) =>
    `account ${show(p, 'id')} is also in scope.selected: choose whether it gets the role, and list it in one place only.`,
  'managementAccount.mismatch': (p) =>
    `is not the organisation's management account, which is ${show(p, 'expected')}.`,
  'region.locked': (p) =>
    `cannot be chosen: the platform fixes the Region to ${show(p, 'region')}.`,
};

export const WARNING_MESSAGES: Catalogue<PolicyWarningCode> = {
  'action.wildcardAll': () =>
    'allows every action of every service, including changing IAM itself.',
  'action.serviceWildcard': (p) => `allows every ${show(p, 'service')} action.`,
  'action.nameWildcard': () =>
    'uses a wildcard that may match more actions than expected, now and in future.',
  'action.privilegeEscalation': (p) =>
    `can be used to gain more permissions than the role has (${show(p, 'actions')}).`,
  'action.passRoleEscalation': (p) =>
    `together with iam:PassRole, can run code with another role's permissions (${show(p, 'actions')}).`,
  'action.unknownService': (p) =>
    `names the service prefix ${show(p, 'service')}, which IAM does not list.`,
  'action.unknownAction': (p) =>
    `names ${show(p, 'service')}:${show(p, 'action')}, which IAM does not list.`,
  'action.matchesNothing': () => 'matches no action IAM lists.',
  'action.grantedByManagedPolicy': (p) =>
    `is already granted by the managed policy ${show(p, 'policy')}.`,
  'managedPolicy.broadAccess': (p) =>
    `${show(p, 'name')} grants broad access; make sure the connection needs it.`,
};

// A code newer than this catalogue still reaches the user, by its name.
export function issueMessage(code: string, params: MessageParams = {}): string {
  return (ISSUE_MESSAGES[code] ?? (() => `is not valid (${code}).`))(params);
}

export function warningMessage(code: string, params: MessageParams = {}): string {
  return (WARNING_MESSAGES[code] ?? (() => `needs a second look (${code}).`))(params);
}
