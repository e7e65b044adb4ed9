/**
 * The regions of the `editing` state, which run side by side while the user fills in the
 * steps: the values themselves, and the checks and loads that follow them (connection name,
 * organisation, deployment settings, managed policies, deployment check, user search, draft).
 */
import type { ErrorActorEvent } from 'xstate';

import {
  getFullRoleName,
  getPlan,
  getUncheckedDirectoryEmail,
  getRegion,
  getStackSetNames,
  getTrimmedConnectionName,
} from './rules';
import { wizardSetup } from './setup';
import {
  DRAFT_EVENTS,
  addUnique,
  changedAccessField,
  changedRowField,
  errorOf,
  replaceAt,
  saveDraftSoon,
  toDraft,
  withoutIndex,
} from './updates';

// Transitions below that restart a region target its child from the region itself, without
// `reenter`: that exits and re-enters the child only. With `reenter`, the region itself is
// exited, and since `editing` is parallel the whole `editing` state would be left and entered
// again, resetting every other region (and restarting its loads) on each keystroke.

/**
 * Value changes live in a region of their own, not on `editing`: XState takes a parallel
 * state's own transitions only when none of its regions handles the event, and the
 * regions below react to the same events (re-check the name, save the draft, ...).
 */
export const formRegion = wizardSetup.createStateConfig({
  on: {
    'step.open': {
      guard: { type: 'isStepReachable', params: ({ event }) => ({ step: event.step }) },
      actions: { type: 'setOpenStep', params: ({ event }) => event.step },
    },
    'step.next': [
      { guard: 'isOpenStepValid', actions: ['setOpenStepAttempted', 'setNextStepOpen'] },
      // Still checking the name: move on by itself once the check says it is free.
      { guard: 'isOpenStepPending', actions: ['setOpenStepAttempted', 'setNextRequested'] },
      { actions: 'setOpenStepAttempted' },
    ],
    'details.change': {
      actions: { type: 'setDetailsField', params: ({ event }) => event },
    },
    'managementAccount.select': {
      guard: { type: 'isOfferedManagementAccount', params: ({ event }) => event.accountId },
      actions: { type: 'setManagementAccount', params: ({ event }) => event.accountId },
    },
    'scope.toggle': {
      actions: { type: 'setScopeNodeToggled', params: ({ event }) => event.nodeId },
    },
    'scope.clear': { actions: 'clearScope' },
    'scope.setPickedAccountsAutoDeployment': {
      actions: {
        type: 'setPickedAccountsAutoDeployment',
        params: ({ event }) => event.value,
      },
    },
    'managementAccount.decide': {
      actions: { type: 'setManagementAccountDecision', params: ({ event }) => event.decision },
    },
    'policies.addManagedPolicy': {
      actions: {
        type: 'setPolicies',
        params: ({ context, event }) => ({
          field: 'policies.managedPolicyArns',
          policies: {
            ...context.values.policies,
            managedPolicyArns: addUnique(context.values.policies.managedPolicyArns, event.arn),
          },
        }),
      },
    },
    'policies.removeManagedPolicy': {
      actions: {
        type: 'setPolicies',
        params: ({ context, event }) => ({
          field: 'policies.managedPolicyArns',
          policies: {
            ...context.values.policies,
            managedPolicyArns: context.values.policies.managedPolicyArns.filter(
              (arn) => arn !== event.arn,
            ),
          },
        }),
      },
    },
    'policies.addAction': {
      actions: {
        type: 'setPolicies',
        params: ({ context }) => ({
          field: 'policies.allowedActions',
          policies: {
            ...context.values.policies,
            allowedActions: [...context.values.policies.allowedActions, ''],
          },
        }),
      },
    },
    'policies.changeAction': {
      actions: {
        type: 'setPolicies',
        params: ({ context, event }) => ({
          field: `policies.allowedActions.${event.index}`,
          policies: {
            ...context.values.policies,
            allowedActions: replaceAt(
              context.values.policies.allowedActions,
              event.index,
              event.value,
            ),
          },
        }),
      },
    },
    'policies.removeAction': {
      actions: {
        type: 'setPolicies',
        params: ({ context, event }) => ({
          field: 'policies.allowedActions',
          policies: {
            ...context.values.policies,
            allowedActions: withoutIndex(context.values.policies.allowedActions, event.index),
          },
        }),
      },
    },
    'policies.setAllowedActions': {
      actions: {
        type: 'setPolicies',
        params: ({ context, event }) => ({
          field: changedRowField(
            'policies.allowedActions',
            context.values.policies.allowedActions,
            event.allowedActions,
          ),
          policies: { ...context.values.policies, allowedActions: event.allowedActions },
        }),
      },
    },
    'policies.setManagedPolicies': {
      actions: {
        type: 'setPolicies',
        params: ({ context, event }) => ({
          field: 'policies.managedPolicyArns',
          policies: {
            ...context.values.policies,
            managedPolicyArns: event.managedPolicyArns,
          },
        }),
      },
    },
    'deploy.selectTab': {
      actions: { type: 'setDeployTab', params: ({ event }) => event.tab },
    },
    'deploy.changeRegion': {
      guard: 'isRegionEditable',
      actions: { type: 'setRegion', params: ({ event }) => event.region },
    },
    'access.add': {
      actions: {
        type: 'setAccess',
        params: ({ context }) => ({
          field: null,
          access: [
            ...context.values.access,
            { email: '', level: context.options.accessLevels.at(-1) ?? 'user' },
          ],
        }),
      },
    },
    'access.change': {
      actions: {
        type: 'setAccess',
        params: ({ context, event }) => ({
          field: `access.${event.index}.${event.field}`,
          access: replaceAt(context.values.access, event.index, {
            ...context.values.access[event.index],
            [event.field]: event.value,
          }),
        }),
      },
    },
    'access.remove': {
      actions: {
        type: 'setAccess',
        params: ({ context, event }) => ({
          field: 'access',
          access: withoutIndex(context.values.access, event.index),
        }),
      },
    },
    'access.commit': {
      actions: { type: 'commitAccessEmail', params: ({ event }) => event.index },
    },
    'access.set': {
      actions: {
        type: 'setAccess',
        params: ({ context, event }) => ({
          field: changedAccessField(context.values.access, event.entries),
          access: event.entries,
        }),
      },
    },
  },
});

export const nameCheckRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  on: {
    'details.change': {
      guard: { type: 'isConnectionNameField', params: ({ event }) => event.field },
      target: '.waiting',
    },
    'nameCheck.retry': { target: '.checking' },
  },
  states: {
    idle: {},
    waiting: {
      entry: 'clearNameCheck',
      after: {
        nameCheckDelay: [{ guard: 'hasCheckableName', target: 'checking' }, { target: 'idle' }],
      },
    },
    checking: {
      entry: 'setNameCheckPending',
      invoke: {
        src: 'checkConnectionName',
        input: ({ context }) => ({ name: getTrimmedConnectionName(context) }),
        onDone: {
          target: 'idle',
          actions: [
            { type: 'setNameCheckResult', params: ({ event }) => event.output },
            'setNextStepOpenIfRequested',
          ],
        },
        onError: {
          target: 'idle',
          actions: { type: 'setNameCheckFailure', params: errorOf },
        },
      },
    },
  },
});

export const organizationRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  on: {
    'managementAccount.select': {
      guard: { type: 'isOfferedManagementAccount', params: ({ event }) => event.accountId },
      target: '.idle',
    },
    'organization.retry': { target: '.loading' },
  },
  states: {
    idle: {
      always: { guard: 'hasUnloadedOrganization', target: 'loading' },
    },
    loading: {
      entry: 'setOrganizationLoading',
      invoke: {
        src: 'loadOrganization',
        input: ({ context }) => ({
          managementAccountId: context.values.managementAccountId ?? '',
        }),
        onDone: {
          target: 'ready',
          actions: [
            { type: 'setOrganization', params: ({ event }) => event.output },
            'setNextStepOpenIfRequested',
          ],
        },
        onError: {
          target: 'failed',
          actions: { type: 'setOrganizationFailure', params: errorOf },
        },
      },
    },
    ready: {},
    failed: {},
  },
});

export const deploymentSettingsRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  on: {
    'managementAccount.select': {
      guard: { type: 'isOfferedManagementAccount', params: ({ event }) => event.accountId },
      target: '.idle',
    },
    'settings.retry': { target: '.loading' },
  },
  states: {
    idle: {
      always: { guard: 'hasUnloadedDeploymentSettings', target: 'loading' },
    },
    loading: {
      entry: 'setDeploymentSettingsLoading',
      invoke: {
        src: 'loadDeploymentSettings',
        input: ({ context }) => ({
          managementAccountId: context.values.managementAccountId ?? '',
        }),
        onDone: {
          target: 'ready',
          actions: [
            { type: 'setDeploymentSettings', params: ({ event }) => event.output },
            'setNextStepOpenIfRequested',
          ],
        },
        onError: {
          target: 'failed',
          actions: {
            type: 'setDeploymentSettingsFailure',
            params: errorOf,
          },
        },
      },
    },
    ready: {},
    failed: {},
  },
});

/**
 * Reads the deployment prerequisites (trusted access, all features) when the Deploy step opens,
 * once per management account, and again on request. Informative only: nothing waits on it.
 */
export const deploymentPrerequisitesRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  on: {
    'managementAccount.select': { target: '.idle' },
    'prerequisites.check': { target: '.loading' },
  },
  states: {
    idle: {
      always: {
        guard: ({ context }) =>
          context.path === 'dedicatedRole' &&
          context.openStep === 'deploy' &&
          context.values.managementAccountId !== null &&
          context.deploymentPrerequisites.status === 'idle',
        target: 'loading',
      },
    },
    loading: {
      entry: 'setDeploymentPrerequisitesLoading',
      invoke: {
        src: 'loadDeploymentPrerequisites',
        input: ({ context }) => ({
          managementAccountId: context.values.managementAccountId ?? '',
        }),
        onDone: {
          target: 'idle',
          actions: { type: 'setDeploymentPrerequisites', params: ({ event }) => event.output },
        },
        onError: {
          target: 'idle',
          actions: { type: 'setDeploymentPrerequisitesFailure', params: errorOf },
        },
      },
    },
  },
});

export const managedPoliciesRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  on: { 'policies.retry': { target: '.loading' } },
  states: {
    idle: {
      always: { guard: 'isDedicatedRolePath', target: 'loading' },
    },
    loading: {
      entry: 'setManagedPoliciesLoading',
      invoke: {
        src: 'loadManagedPolicies',
        onDone: {
          target: 'ready',
          actions: { type: 'setManagedPolicies', params: ({ event }) => event.output },
        },
        onError: {
          target: 'failed',
          actions: { type: 'setManagedPoliciesFailure', params: errorOf },
        },
      },
    },
    ready: {},
    failed: {},
  },
});

export const deploymentCheckRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  on: {
    'deploy.check': { target: '.checking' },
    'managementAccount.select': {
      guard: { type: 'isOfferedManagementAccount', params: ({ event }) => event.accountId },
      target: '.idle',
    },
  },
  states: {
    idle: {},
    checking: {
      entry: 'setDeploymentCheckLoading',
      invoke: {
        src: 'checkDeployment',
        input: ({ context }) => ({
          managementAccountId: context.values.managementAccountId ?? '',
          stackSetNames: getStackSetNames(context),
          region: getRegion(context) ?? '',
          roleName: getFullRoleName(context),
          accountIds: [...(getPlan(context)?.coverage.now ?? [])],
        }),
        onDone: {
          target: 'idle',
          actions: { type: 'setDeploymentCheck', params: ({ event }) => event.output },
        },
        onError: {
          target: 'idle',
          actions: { type: 'setDeploymentCheckFailure', params: errorOf },
        },
      },
    },
  },
});

export const userSearchRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  on: {
    'access.search': {
      target: '.waiting',
      actions: { type: 'setUserSearchQuery', params: ({ event }) => event.query },
    },
  },
  states: {
    idle: {},
    waiting: {
      after: {
        userSearchDelay: [
          { guard: 'hasSearchQuery', target: 'searching' },
          { target: 'idle', actions: 'clearUserSearch' },
        ],
      },
    },
    searching: {
      entry: 'setUserSearchLoading',
      invoke: {
        src: 'searchUsers',
        input: ({ context }) => ({ query: context.userSearch.query.trim() }),
        onDone: {
          target: 'idle',
          actions: { type: 'setUserSearchResults', params: ({ event }) => event.output },
        },
        onError: {
          target: 'idle',
          actions: { type: 'setUserSearchFailure', params: errorOf },
        },
      },
    },
  },
});

/**
 * Confirms each address given access with the user directory, one at a time, once the user has
 * left its field: an address that is no platform user is reported at that field.
 */
export const directoryRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  states: {
    idle: {
      always: { guard: 'hasUncheckedDirectoryEmail', target: 'checking' },
    },
    checking: {
      entry: 'setDirectoryChecking',
      invoke: {
        src: 'searchUsers',
        input: ({ context }) => ({ query: checkingEmail(context) }),
        onDone: {
          target: 'idle',
          actions: {
            type: 'setDirectoryResult',
            params: ({ context, event }) => ({
              email: checkingEmail(context),
              users: event.output,
            }),
          },
        },
        onError: {
          target: 'idle',
          actions: { type: 'setDirectoryFailure', params: ({ context }) => checkingEmail(context) },
        },
      },
    },
  },
});

function checkingEmail(context: Parameters<typeof getUncheckedDirectoryEmail>[0]): string {
  return (
    Object.keys(context.directory).find((email) => context.directory[email] === 'checking') ??
    getUncheckedDirectoryEmail(context) ??
    ''
  );
}

export const draftRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  on: Object.fromEntries(DRAFT_EVENTS.map((type) => [type, saveDraftSoon])),
  states: {
    idle: {},
    waiting: { after: { draftSaveDelay: 'saving' } },
    saving: {
      entry: { type: 'setDraftStatus', params: { status: 'saving' } },
      invoke: {
        src: 'saveDraft',
        input: ({ context }) => ({ draft: toDraft(context) }),
        onDone: {
          target: 'idle',
          actions: { type: 'setDraftStatus', params: { status: 'saved' } },
        },
        onError: {
          target: 'idle',
          actions: {
            type: 'setDraftStatus',
            params: (args: { event: ErrorActorEvent }) => ({
              status: 'failed' as const,
              error: errorOf(args),
            }),
          },
        },
      },
    },
  },
});

/** Loads the IAM action names for the allowed-action lint once; without them it is skipped. */
export const iamActionsRegion = wizardSetup.createStateConfig({
  initial: 'idle',
  states: {
    idle: {
      always: { guard: 'isDedicatedRolePath', target: 'loading' },
    },
    loading: {
      invoke: {
        src: 'loadIamActions',
        onDone: {
          target: 'ready',
          actions: { type: 'setIamActions', params: ({ event }) => event.output },
        },
        onError: { target: 'unavailable' },
      },
    },
    ready: {},
    unavailable: {},
  },
});
