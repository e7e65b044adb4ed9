/**
 * Every English text the wizard's components show, as one flat object a host can override key by
 * key (to reword or translate). Texts that depend on values are functions of named parameters.
 */
import * as React from 'react';

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

export const defaultMessages = {
  // Shared
  required: 'Required',
  remove: 'Remove',
  loading: 'Loading…',
  retry: 'Try again',
  showAll: (p: { count: number }) => `Show all ${p.count.toLocaleString('en-US')}`,
  showFewer: 'Show fewer',
  /** Names joined as words (`A`, `A and B`, `A, B and C`), ending with how many more there are. */
  nameList: (p: { names: readonly string[]; more: number }) => {
    const items =
      p.more > 0 ? [...p.names, `${p.more.toLocaleString('en-US')} more`] : [...p.names];
    return items.length <= 1
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  },
  errorCount: (p: { count: number }) => plural(p.count, 'error', 'errors'),

  // StepHeader
  stepNumber: (p: { number: number }) => `Step ${p.number}`,
  stepStateUpcoming: 'Not reached yet',
  stepStateCurrent: 'Current step',
  stepStateComplete: 'Complete',
  stepStateInvalid: 'Has errors',

  // OrganizationTree
  treeLabel: 'Organization structure',
  treeFilterLabel: 'Find an account or OU',
  treeFilterPlaceholder: 'Name or ID',
  treeFilterMatches: (p: { count: number }) =>
    p.count === 0 ? 'No account or OU matches' : plural(p.count, 'match', 'matches'),
  treeFilterTruncated: (p: { shown: number; count: number }) =>
    `Showing the first ${p.shown.toLocaleString('en-US')} of ${p.count.toLocaleString('en-US')} matches. Refine the search to see the rest.`,
  treeAccountCount: (p: { count: number }) => plural(p.count, 'account', 'accounts'),
  treeRootBadge: 'Root',
  treeManagementAccountBadge: 'Management account',
  treeExcludedTag: 'Excluded',
  treeNotIncludedTag: 'Not included',
  accountStatePendingActivation: 'Pending activation',
  accountStateActive: 'Active',
  accountStateSuspended: 'Suspended',
  accountStatePendingClosure: 'Pending closure',
  accountStateClosed: 'Closed',

  // ManagementAccountPrompt
  managementAccountPromptTitle: 'Include the management account?',
  managementAccountPromptExplanation: (p: { name: string }) =>
    `Your selection contains the management account${p.name ? ` (${p.name})` : ''}. CloudFormation StackSets never deploy to the management account, so including it means running a second command there, signed in to that account.`,
  managementAccountInclude: 'Include management account',
  managementAccountIncludeHint: 'You will run one extra command in the management account.',
  managementAccountExclude: "Don't include",
  managementAccountExcludeHint: 'The role is created in the other accounts only.',

  // ScopeSummary
  summaryTitle: 'Scope summary',
  summaryEmpty: 'Nothing selected yet. Select the root, an OU or an account.',
  summaryCounts: (p: { now: number; excluded: number; skipped: number }) =>
    [
      `${plural(p.now, 'account', 'accounts')} covered now`,
      p.excluded > 0 ? `${p.excluded.toLocaleString('en-US')} excluded` : '',
      p.skipped > 0 ? `${p.skipped.toLocaleString('en-US')} skipped` : '',
    ]
      .filter(Boolean)
      .join(', '),
  summaryCoveredNow: 'Accounts covered now',
  summaryFuture: 'Accounts added later',
  summaryFutureOu: (p: { name: string; childOus: number }) =>
    p.childOus === 0
      ? `Accounts added later to ${p.name} get the role automatically.`
      : `Accounts added later to ${p.name} or to any OU inside it get the role automatically.`,
  summaryFutureRoot:
    'Accounts added later anywhere in the organization get the role automatically.',
  summaryNoFuture: 'Accounts added later do not get the role: only the accounts listed get it.',
  summaryExcluded: 'Excluded accounts',
  summaryExcludedNote:
    'These accounts do not get the role now, though their OU is selected. Automatic deployment does not apply exclusions: if one of them is later moved to another selected OU, or between OUs inside one, it gets the role like any account added there.',
  summarySkipped: 'Skipped accounts',
  summarySkippedNote: 'StackSets skip suspended or closing accounts while they stay that way.',
  summaryManagementAccount: 'Management account',
  summaryManagementNone: 'Not in scope.',
  summaryManagementNeedsDecision: 'Covered by your selection: choose whether to include it.',
  summaryManagementIncluded:
    'In scope. It needs its own command: StackSets never deploy to the management account.',
  summaryManagementExcluded: 'Not included: you chose to leave it out.',
  summaryWarnings: 'Check before you continue',
  warningAutoDeploymentWiderThanPicks: (p: { names: string }) =>
    `Automatic deployment will also give the role to accounts added later to ${p.names}, not only to the accounts you picked.`,
  warningUnavailableAccountsSkipped: (p: { names: string }) =>
    `StackSets skip suspended or closing accounts: ${p.names}.`,
  warningExclusionsIgnoredByAutomaticDeployment: (p: { count: number; names: string }) =>
    `${p.count === 1 ? 'The excluded account does' : `The ${p.count.toLocaleString('en-US')} excluded accounts do`} not get the role now, but automatic deployment does not apply exclusions: an excluded account that is later moved into ${p.names}, or between the OUs inside, gets the role.`,
  warningAutoDeploymentReachesWholeOrganization:
    'An account picked directly under the root makes automatic deployment reach every account added to the organization later.',

  // CommandBlock
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed — select the text and copy it',
  download: 'Download',
  wrapLines: 'Wrap lines',

  // Field, RoleNameField
  pending: 'Checking…',
  roleNameLabel: 'IAM role name',
  roleNamePrefixDescription: (p: { prefix: string }) =>
    `The role name always starts with ${p.prefix}, which is added for you.`,
  roleNameHint: 'Letters, digits and + = , . @ _ - only; at most 64 characters with the prefix.',

  // AllowedActionsEditor
  allowedActionsLabel: 'Allowed actions',
  allowedActionsHint:
    'One service:Action per row, for example s3:GetObject. Wildcards * and ? work as in IAM.',
  allowedActionLabel: (p: { number: number }) => `Allowed action ${p.number}`,
  allowedActionPlaceholder: 'service:Action',
  allowedActionRemove: (p: { number: number; value: string }) =>
    `Remove allowed action ${p.number}${p.value ? ` (${p.value})` : ''}`,
  allowedActionAdd: 'Add another allowed action',
  baseActionsLabel: 'Always included',
  baseActionsHint: 'The platform needs these permissions; they are added for you.',

  // ManagedPolicyPicker
  managedPoliciesLabel: 'AWS managed policies',
  managedPoliciesSearchLabel: 'Search AWS managed policies',
  managedPoliciesSearchPlaceholder: 'Name, ARN or description',
  managedPoliciesQuota: (p: { count: number; max: number }) => `${p.count} of ${p.max} selected`,
  managedPoliciesQuotaReached: (p: { max: number }) =>
    `A role can have at most ${p.max} managed policies. Remove one to add another.`,
  managedPoliciesNone: 'No managed policy matches the search.',
  managedPoliciesTruncated: (p: { shown: number; count: number }) =>
    `Showing ${p.shown.toLocaleString('en-US')} of ${p.count.toLocaleString('en-US')} policies. Refine the search to see the rest.`,
  managedPoliciesSelected: 'Selected policies',
  managedPoliciesOptions: 'Policies matching the search',
  managedPoliciesNoneSelected: 'No managed policy selected.',
  managedPolicyRemove: (p: { name: string }) => `Remove ${p.name}`,

  // AccessEditor
  accessLabel: 'User access',
  accessEmailLabel: (p: { number: number }) => `Email of user ${p.number}`,
  accessEmailPlaceholder: 'name@example.com',
  accessLevelLabel: (p: { number: number }) => `Access level of user ${p.number}`,
  accessRemove: (p: { number: number; email: string }) =>
    `Remove user ${p.number}${p.email ? ` (${p.email})` : ''}`,
  accessAdd: 'Add another account',
  accessCreatorBadge: 'You',
  accessSearching: 'Searching users…',
  accessNoSuggestions: 'No matching user. You can still type a full email address.',
  accessSearchFailed: "Couldn't search users. You can still type a full email address.",
  accessSuggestions: (p: { count: number }) => plural(p.count, 'suggestion', 'suggestions'),

  // DeploymentResults
  resultsCaption: 'Deployment results by account',
  resultsAccount: 'Account',
  resultsAccountId: 'Account ID',
  resultsStatus: 'Status',
  resultsDetails: 'Details',
  resultsEmpty: 'No results yet.',
  resultsCheckedAt: (p: { time: string }) => `Checked at ${p.time}`,
  resultsManagementAccountRow: 'Management account (own command)',
  resultsStatusSucceeded: 'Role created',
  resultsStatusInProgress: 'In progress',
  resultsStatusFailed: 'Failed',
  resultsStatusSkipped: 'Skipped',
  resultsStatusNotDeployed: 'Not deployed',
  resultsTally: (p: { succeeded: number; total: number }) =>
    `${p.succeeded.toLocaleString('en-US')} of ${plural(p.total, 'account', 'accounts')} have the role`,
};

export type Messages = typeof defaultMessages;

/* -------------------------------------------------------------------------------------------------
 * MessagesProvider
 * -----------------------------------------------------------------------------------------------*/

const MessagesContext = React.createContext<Messages>(defaultMessages);

interface MessagesProviderProps {
  /** Texts to use instead of the defaults; keys left out keep the enclosing provider's text. */
  messages?: Partial<Messages>;
  children?: React.ReactNode;
}

function MessagesProvider({ messages, children }: MessagesProviderProps) {
  const parent = React.useContext(MessagesContext);
  const merged = React.useMemo(
    () => (messages ? { ...parent, ...messages } : parent),
    [parent, messages],
  );

  return React.createElement(MessagesContext.Provider, { value: merged }, children);
}

/**
 * The texts in effect. Unlike state contexts, this one has a complete default, so components
 * render English text when no provider is present rather than failing.
 */
function useMessages(): Messages {
  return React.useContext(MessagesContext);
}

export { MessagesProvider, useMessages };
export type { MessagesProviderProps };
