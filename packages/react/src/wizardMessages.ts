/**
 * English texts of the wizard itself: step titles and hints, phases, and one message for every
 * problem code that core reports. Hosts override any key through `messages` on
 * `<AwsConnectionWizard/>`, like the components' own texts.
 */
import * as React from 'react';

type Params = Record<string, string | number>;

const text = (params: Params | undefined, key: string) => String(params?.[key] ?? '');
/** A number as people read it, with thousands separated: 10,240. */
const count = (params: Params | undefined, key: string) =>
  typeof params?.[key] === 'number' ? params[key].toLocaleString('en-US') : text(params, key);

/** One sentence per problem code from core's validation, policies and the machine. */
export const defaultIssueMessages = {
  'connectionName.required': 'Enter a connection name.',
  'connectionName.tooLong': (p?: Params) => `Use at most ${count(p, 'max')} characters.`,
  'connectionName.controlCharacter': (p?: Params) =>
    `Remove the control character ${text(p, 'character')}; names are a single line of text.`,
  'connectionName.bidiControl': (p?: Params) =>
    `Remove the text-direction character ${text(p, 'character')}: it makes the name read differently from what it is.`,
  'connectionName.invisibleCharacter': (p?: Params) =>
    `Remove the invisible character ${text(p, 'character')}.`,
  'connectionName.malformed': 'This name contains text that cannot be stored. Retype it.',
  'connectionName.taken': 'Another connection already uses this name. Choose a different one.',
  'roleNameSuffix.required': 'Enter a role name.',
  'roleNameSuffix.invalidCharacter': (p?: Params) =>
    `“${text(p, 'character')}” is not allowed in IAM role names. Use letters, digits and + = , . @ _ -`,
  'roleNameSuffix.tooLong': (p?: Params) =>
    `Use at most ${count(p, 'max')} characters: IAM role names are limited to 64 including the prefix.`,
  'description.tooLong': (p?: Params) => `Use at most ${count(p, 'max')} characters.`,
  'description.invalidCharacter': (p?: Params) =>
    `IAM role descriptions cannot contain “${text(p, 'character')}” (${text(p, 'codePoint')}).`,
  'region.invalid': 'Choose an AWS Region code such as us-east-1.',
  'settings.trustedAccountId.invalid':
    'The platform sent a trusted account that is not twelve digits. Contact your platform administrator.',
  'settings.externalId.invalid':
    'The platform sent an external ID AWS does not accept. Contact your platform administrator.',
  'settings.templateUrl.invalid':
    'The platform sent a template URL that is not the https Amazon S3 URL of an object. Contact your platform administrator.',
  'policies.inlinePolicyTooLarge': (p?: Params) =>
    `The allowed actions make the role's inline policies ${count(p, 'size')} characters long; IAM allows ${count(p, 'max')}. Remove some actions or use wildcards.`,
  'template.tooLarge': (p?: Params) =>
    `The template is larger than the ${count(p, 'max')} bytes CloudFormation accepts inline, and the platform provides no template URL. Attach fewer managed policies or allow fewer actions.`,
  'artefact.invalidInput': (p?: Params) =>
    text(p, 'reason') === 'invalidFormat' && text(p, 'field') === 'stackSetName'
      ? 'The commands cannot be generated: the StackSet name must start with a letter and hold only letters, digits and hyphens, at most 128 characters.'
      : `The commands cannot be generated: ${text(p, 'field')} holds a value they cannot carry exactly. Correct it in an earlier step.`,
  'access.email.required': 'Enter an email address or remove this row.',
  'access.email.invalid': 'Enter a valid email address.',
  'access.email.duplicate': (p?: Params) =>
    `This person is already on row ${Number(text(p, 'row')) + 1}.`,
  'access.email.notPlatformUser': (p?: Params) =>
    `${text(p, 'email')} is not a user of this platform. Choose someone from the suggestions, or invite them to the platform first.`,
  'access.level.required': 'Choose an access level.',
  'access.level.unknown': (p?: Params) => `“${text(p, 'level')}” is not an access level here.`,
  'access.creator.missing': (p?: Params) =>
    `You (${text(p, 'email')}) must stay on the connection as Owner.`,
  'access.creator.notOwner': 'You must stay on the connection as Owner.',
  'policies.empty': 'Attach a managed policy or add at least one allowed action.',
  'action.invalid': 'Use the form service:Action, for example ec2:DescribeInstances.',
  'action.invalidServicePrefix':
    'The service prefix may contain only letters, digits and hyphens, as in ec2 or cost-optimization-hub.',
  'action.invalidName':
    'The action name may contain only letters, digits, and the wildcards * and ?.',
  'action.duplicate': 'This action is already in the list (IAM ignores case in actions).',
  'managedPolicy.invalidArn': 'This is not an AWS managed policy ARN.',
  'managedPolicy.arnTooLong': (p?: Params) =>
    `This ARN is ${count(p, 'length')} characters long; IAM accepts at most ${count(p, 'max')}.`,
  'managedPolicy.pathTooLong': (p?: Params) =>
    `This policy's path is ${count(p, 'length')} characters long; IAM accepts at most ${count(p, 'max')}.`,
  'managedPolicy.partitionMismatch': (p?: Params) =>
    `This policy is in the ${text(p, 'partition')} partition, but the role is deployed in ${text(p, 'region')}, which is in ${text(p, 'expected')}. Use the policy's ${text(p, 'expected')} ARN.`,
  'managedPolicy.serviceLinked':
    'Policies for service-linked roles cannot be attached to this role.',
  'managedPolicy.duplicate': 'This policy is already attached.',
  'managedPolicies.quotaExceeded': (p?: Params) =>
    `IAM allows at most ${count(p, 'quota')} managed policies per role. Remove some.`,
  'managementAccount.required': 'Choose a management account.',
  'managementAccount.notOnboarded': (p?: Params) =>
    `The management account ${text(p, 'accountId')} is not onboarded in the platform. Choose one of the listed accounts.`,
  'managementAccount.notConnected': (p?: Params) =>
    `The management account ${text(p, 'accountId')} is not connected to the platform, so it has no permissions to reuse. Choose a connected account, or create a connection with a dedicated role.`,
  'scope.required': 'Select at least one account or organizational unit.',
  'scope.managementAccountDecision.required':
    'Choose whether to include the management account before you continue.',
  // Found by the platform when it checked the connection before creating it.
  'roleName.taken': (p?: Params) =>
    `Another connection in this management account already uses the role ${text(p, 'roleName')}, and with it the same StackSets. Choose a different role name.`,
  'roleName.prefixMissing': (p?: Params) => `The role name must start with ${text(p, 'prefix')}.`,
  'scope.unknownId': (p?: Params) =>
    `${text(p, 'id')} is no longer in the organization. Reload the organization and select again.`,
  'scope.notSelectable': (p?: Params) =>
    `Account ${text(p, 'id')} is ${text(p, 'state')} and cannot get the role now. Leave it out.`,
  'scope.excludedOutsideScope': (p?: Params) =>
    `Account ${text(p, 'id')} is excluded but is not inside a selected root or OU.`,
  'scope.excludedManagementAccount':
    'The management account cannot be excluded; answer whether to include it instead.',
  'scope.managementAccountDecision.contradicts':
    'The answer about the management account does not match the selection. Answer again.',
  'scope.rootMismatch':
    'The organization changed since it was loaded. Reload it and select the scope again.',
  'region.locked': (p?: Params) => `Your platform sets the Region to ${text(p, 'region')}.`,
  'idempotencyKey.reused':
    'This connection was already submitted with other values. Start over to create it again.',
} satisfies Record<string, string | ((params?: Params) => string)>;

/** Warnings about allowed actions and managed policies: allowed, but worth a second look. */
export const defaultWarningMessages = {
  'action.wildcardAll': 'Allows every action of every service, including changing IAM itself.',
  'action.serviceWildcard': (p?: Params) => `Allows every ${text(p, 'service')} action.`,
  'action.nameWildcard': 'The wildcard may match more actions than you expect, now and in future.',
  'action.privilegeEscalation': (p?: Params) =>
    `Can be used to gain more permissions than this role has (${text(p, 'actions')}).`,
  'action.passRoleEscalation': (p?: Params) =>
    `Together with iam:PassRole, can run code with another role's permissions (${text(p, 'actions')}).`,
  'managedPolicy.broadAccess':
    'This policy grants broad access. Make sure the connection needs it.',
  'action.unknownService': (p?: Params) =>
    `AWS publishes no service with the prefix ${text(p, 'service')}. Check the spelling.`,
  'action.unknownAction': (p?: Params) =>
    `${text(p, 'service')} has no action named ${text(p, 'action')}. Check the spelling.`,
  'action.matchesNothing': (p?: Params) =>
    `${text(p, 'action')} matches no published ${text(p, 'service')} action.`,
  'action.grantedByManagedPolicy': (p?: Params) =>
    `The attached managed policy ${text(p, 'policy')} already allows this.`,
} satisfies Record<string, string | ((params?: Params) => string)>;

/** `65` as "1 min 5 s". Hosts translating the wizard replace `submittingElapsed` whole. */
function formatDuration(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return minutes === 0 ? `${seconds} s` : `${minutes} min ${seconds} s`;
}

export const defaultWizardMessages = {
  wizardTitle: 'Create your AWS connection',
  wizardDescription:
    'Connect the platform to your AWS Organization with a dedicated IAM role in the accounts you choose.',
  stepTitleDetails: 'Details',
  stepTitleScope: 'Scope',
  stepTitlePolicies: 'Policies and permissions',
  stepTitleDeploy: 'Deploy to AWS',
  stepTitleAccess: 'User access',
  next: 'Next',
  finish: 'Finish connection',
  cancel: 'Cancel',
  loadingWizard: 'Loading…',
  forbiddenTitle: 'You can’t create connections',
  forbiddenDescription:
    'Creating an AWS connection needs the CloudFlow Owner or CloudFlow Editor permission. Ask an administrator of your platform account to grant it.',
  startFailedTitle: 'The wizard could not start',
  noManagementAccountsTitle: 'Link a management account first',
  noManagementAccountsDescription:
    'Connections are created from an AWS management account that is already linked and onboarded in the platform.',
  noManagementAccountsAction: 'Link an AWS account',
  choosePathTitle: 'How should the platform reach AWS?',
  choosePathDedicatedRole: 'Create a connection',
  choosePathDedicatedRoleDescription:
    'A dedicated IAM role, your own scope of accounts and separate policies. Five steps.',
  choosePathExistingPermissions: 'Create a connection from existing permissions',
  choosePathExistingPermissionsDescription:
    'Reuse the role, scope and policies of a management account the platform is already connected to. Name and user access only.',
  changePath: 'Change how to connect',
  draftSaving: 'Saving draft…',
  draftSaved: 'Draft saved',
  draftFailed: 'The draft could not be saved; your entries stay on this page.',
  discardDraft: 'Start over',
  discardDraftQuestion: 'Discard everything you entered?',
  discardDraftConfirm: 'Discard and start over',
  discardDraftCancel: 'Keep editing',
  // Details
  connectionNameLabel: 'Connection name',
  connectionNameHint: 'Shown to people choosing a connection in flows. Up to 64 characters.',
  connectionNameChecking: 'Checking availability…',
  connectionNameAvailable: 'Available',
  connectionNameCheckFailed:
    'Availability could not be checked. It is checked again when you finish.',
  roleNameLabel: 'IAM role name',
  roleNameHint:
    'Letters, digits and + = , . @ _ -. The prefix is always added; at most 64 characters in all.',
  descriptionLabel: 'Description (optional)',
  descriptionHint: 'Becomes the IAM role’s description. Up to 1,000 characters.',
  managementAccountLabel: 'Management account',
  managementAccountHint: 'Only management accounts already onboarded in the platform are listed.',
  managementAccountPlaceholder: 'Choose a management account',
  // Scope
  organizationLoading: 'Loading the organization…',
  organizationFailed: 'The organization could not be loaded.',
  scopeTreeHint:
    'Selecting an organizational unit covers its accounts, its child OUs and every account added to it later. Inside a selected OU you can leave accounts out one by one.',
  pickedAccountsTitle: 'Accounts picked one by one',
  pickedAccountsOff: 'Only the accounts I picked',
  pickedAccountsOffDescription:
    'They get their own StackSet with automatic deployment off. Accounts added later to their OUs do not get the role.',
  pickedAccountsOn: 'Also accounts added later to their OUs',
  pickedAccountsOnDescription:
    'One StackSet with automatic deployment. AWS then gives the role to every new account of the OUs that hold your picks, not only to the accounts you picked.',
  clearSelection: 'Clear selection',
  // Policies
  managedPoliciesTitle: 'AWS managed policies',
  managedPoliciesHint: 'Attached to the role in every account of the scope.',
  managedPoliciesFailed:
    'The list of managed policies could not be loaded; the built-in list is shown.',
  allowedActionsTitle: 'Allowed actions',
  allowedActionsHint:
    'IAM actions as service:Action. Wildcards * and ? are allowed but widen what the role can do.',
  basePermissionsTitle: 'Always included',
  basePermissionsHint: 'The platform needs these to read the role’s own policies and list Regions.',
  // Deploy
  deployTabStackSet: 'CloudFormation StackSet',
  deployTabTerraform: 'Terraform',
  settingsLoading: 'Loading deployment settings…',
  settingsFailed: 'The platform’s deployment settings could not be loaded.',
  artefactsFailed: 'The commands for this connection cannot be generated.',
  regionLabel: 'Region',
  regionHint: 'The StackSet lives in one Region. IAM is global, so one Region is enough.',
  regionLocked: 'Set by your platform.',
  stackSetScriptTitle: 'Create the StackSet',
  stackSetScriptDescription:
    'Run in AWS CloudShell while signed in to the management account. It creates the StackSet with automatic deployment and deploys the role to the scope, waiting for each operation.',
  noStackSetNeeded:
    'The scope holds only the management account, so no StackSet is needed: run the command below.',
  managementAccountScriptTitle: 'Create the role in the management account',
  managementAccountScriptDescription:
    'StackSets never deploy to the management account. Run this there as well, in the same Region.',
  templateTitle: 'CloudFormation template',
  terraformTitle: 'Terraform configuration',
  terraformDescription:
    'Apply this configuration in each account below, with credentials for that account. Accounts added to the organization later need it too.',
  terraformAccountsTitle: (p: { count: number }) =>
    `Apply in ${p.count.toLocaleString('en-US')} ${p.count === 1 ? 'account' : 'accounts'}`,
  deploymentCheckTitle: 'Check the deployment',
  deploymentCheckDescription:
    'Optional. Asks AWS how the deployment is doing. You can continue whether or not it has finished.',
  deploymentCheckButton: 'Check deployment',
  deploymentChecking: 'Checking…',
  deploymentCheckFailed: 'The deployment status could not be read.',
  deploymentStackSetMissing: 'No StackSet with this name exists yet in this Region.',
  prerequisitesTitle: 'Before you run the StackSet command',
  prerequisitesTrustedAccessOff:
    'Trusted access between CloudFormation StackSets and AWS Organizations is off. Turn it on once, signed in to the management account:',
  prerequisitesTrustedAccessCommand: 'aws cloudformation activate-organizations-access',
  prerequisitesAllFeaturesOff:
    'Your organization has only consolidated billing features, and service-managed StackSets need all features. Enable all features in AWS Organizations, signed in to the management account; every invited member account must accept before the change completes:',
  prerequisitesAllFeaturesCommand: 'aws organizations enable-all-features',
  prerequisitesCheckAgain: 'Check again',
  // Access
  accessListLabel: 'People and their access level',
  accessHint:
    'People you add can use this connection in flows. Owners and Editors can also change it.',
  // Submission
  submittingTitle: 'Creating the connection',
  submittingStageCreating: 'Asking the platform to create the connection…',
  submittingStageActivating: 'The connection is created. Waiting for it to become active…',
  submittingStepCreate: 'Create the connection',
  submittingStepActivate: 'Wait until it is active',
  submittingStepDone: 'done',
  submittingStepCurrent: 'in progress',
  submittingStepUpcoming: 'not started',
  submittingWaiting:
    'This can take a few minutes. You can leave this page: the wizard picks the connection up when you come back.',
  submittingElapsed: (p: { seconds: number }) => `Running for ${formatDuration(p.seconds)}`,
  submittingSlow:
    'This is taking longer than usual. The connection is still being created: you can close the wizard and come back later, or go back to the steps.',
  submittingClose: 'Close',
  returnToEditing: 'Back to the steps',
  submissionFailed: 'The connection could not be created.',
  submissionStatusFailed: 'The connection was created, but its status could not be read.',
  submissionActivationFailed: 'The platform could not activate the connection.',
  submissionActivationFailedDescription:
    'Go back to the steps to create it again; if it fails again, ask your platform administrator.',
  completeTitle: 'Connection created',
  completeDescription: (p: { name: string }) => `“${p.name}” is active.`,
  // Failures
  failure: (p: { kind: string }) =>
    ({
      notFound: 'It was not found.',
      forbidden: 'You are not allowed to do this.',
      conflict: 'It conflicts with something that changed meanwhile.',
      throttled: 'AWS or the platform is busy. Try again in a moment.',
      unavailable: 'The service is not reachable right now.',
      invalidResponse: 'The service answered with something unexpected.',
      timeout: 'The service took too long to answer.',
    })[p.kind] ?? 'Something went wrong.',
};

export type IssueCode = keyof typeof defaultIssueMessages;
export type WarningCode = keyof typeof defaultWarningMessages;

export type WizardMessages = typeof defaultWizardMessages & {
  issues: typeof defaultIssueMessages;
  warnings: typeof defaultWarningMessages;
};

export const defaultAllWizardMessages: WizardMessages = {
  ...defaultWizardMessages,
  issues: defaultIssueMessages,
  warnings: defaultWarningMessages,
};

const WizardMessagesContext = React.createContext<WizardMessages>(defaultAllWizardMessages);

export const WizardMessagesProvider = WizardMessagesContext.Provider;

export function useWizardMessages(): WizardMessages {
  return React.useContext(WizardMessagesContext);
}

type MessageValue = string | ((params?: Params) => string);

function render(message: MessageValue | undefined, params?: Params): string | undefined {
  if (message === undefined) return undefined;
  return typeof message === 'function' ? message(params) : message;
}

/** Translates a problem reported by core into the sentence shown at its field. */
export function useIssueText(): (
  issue: { code: string; params?: Params } | undefined,
) => string | undefined {
  const { issues } = useWizardMessages();
  return React.useCallback(
    (issue) =>
      issue
        ? (render((issues as Record<string, MessageValue>)[issue.code], issue.params) ?? issue.code)
        : undefined,
    [issues],
  );
}

/** Translates a policy warning into the sentence shown under its row. */
export function useWarningText(): (warning: { code: string; params?: Params }) => string {
  const { warnings } = useWizardMessages();
  return React.useCallback(
    (warning) =>
      render((warnings as Record<string, MessageValue>)[warning.code], warning.params) ??
      warning.code,
    [warnings],
  );
}
