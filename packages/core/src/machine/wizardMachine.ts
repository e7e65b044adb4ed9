/**
 * The wizard as one XState machine: the permission gate, the choice between the two paths, the
 * five steps and the submission. Side effects are the actors declared in `actors.ts`; rules that
 * can be derived from the context live in `rules.ts`; this file only says what happens when.
 */
import { assign, emit, setup, type ErrorActorEvent } from 'xstate';

import { CREATE_CONNECTION_PERMISSIONS, EMPTY_SCOPE, type Draft } from '../model/values';
import { deriveRoleNameSuffix, validateDetails } from '../model/validation';
import {
  indexOrganization,
  normalizeSelection,
  setManagementAccountDecision,
  toggleNode,
} from '../scope';
import { wizardActors } from './actors';
import {
  createInitialContext,
  emptyValues,
  type WizardContext,
  type WizardOptions,
} from './context';
import type { WizardEmitted, WizardEvent } from './events';
import { describeFailure } from './failure';
import {
  buildConnectionRequest,
  canFinish,
  getFullRoleName,
  getNextStep,
  getPathSteps,
  getPlan,
  getRegion,
  getStackSetNames,
  getTrimmedConnectionName,
  isStepPending,
  isStepReachable,
  isStepValid,
} from './rules';

type Patch = Partial<WizardContext>;

/** Passes an actor's rejection on to a named action. */
const errorOf = ({ event }: { event: ErrorActorEvent }) => event.error;

function withoutIndex<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, position) => (position === index ? item : existing));
}

function addUnique<T>(items: readonly T[], item: T): T[] {
  return items.includes(item) ? [...items] : [...items, item];
}

function toDraft(context: WizardContext): Draft {
  return {
    schemaVersion: 1,
    savedAt: context.options.now().toISOString(),
    path: context.path ?? 'dedicatedRole',
    values: context.values,
    openStep: context.openStep,
    furthestStep: context.furthestStep,
    submission: context.submission.idempotencyKey
      ? {
          idempotencyKey: context.submission.idempotencyKey,
          connectionId: context.submission.connection?.id ?? null,
        }
      : null,
  };
}

/** Opens the step after the open one, remembering how far the user got. */
function advancePatch(context: WizardContext): Patch {
  const next = getNextStep(context, context.openStep);
  if (!next) return {};
  const steps = getPathSteps(context);
  const furthest =
    steps.indexOf(next) > steps.indexOf(context.furthestStep) ? next : context.furthestStep;
  return { openStep: next, furthestStep: furthest };
}

/** The first row that differs between two lists, to mark it touched. */
function changedRowField(
  field: string,
  before: readonly string[],
  after: readonly string[],
): string {
  for (let row = 0; row < Math.max(before.length, after.length); row += 1) {
    if (before[row] !== after[row]) return after[row] === undefined ? field : `${field}.${row}`;
  }
  return field;
}

/** The first field that differs between two access lists, to mark it touched. */
function changedAccessField(
  before: WizardContext['values']['access'],
  after: WizardContext['values']['access'],
): string | null {
  for (let row = 0; row < Math.max(before.length, after.length); row += 1) {
    if (before[row]?.email !== after[row]?.email)
      return after[row] ? `access.${row}.email` : 'access';
    if (before[row]?.level !== after[row]?.level) return `access.${row}.level`;
  }
  return null;
}

/** Value events that change what a draft holds. */
const DRAFT_EVENTS = [
  'details.change',
  'managementAccount.select',
  'managementAccount.decide',
  'scope.toggle',
  'scope.clear',
  'scope.setPickedAccountsAutoDeployment',
  'policies.addManagedPolicy',
  'policies.removeManagedPolicy',
  'policies.addAction',
  'policies.changeAction',
  'policies.removeAction',
  'policies.setAllowedActions',
  'policies.setManagedPolicies',
  'deploy.changeRegion',
  'access.add',
  'access.change',
  'access.remove',
  'access.set',
  'step.open',
  'step.next',
  'path.choose',
] as const;

const saveDraftSoon = { target: '.waiting', reenter: true } as const;

export const wizardMachine = setup({
  types: {
    context: {} as WizardContext,
    events: {} as WizardEvent,
    input: {} as WizardOptions | undefined,
    emitted: {} as WizardEmitted,
  },
  actors: wizardActors,
  delays: {
    nameCheckDelay: ({ context }) => context.options.nameCheckDelayMs,
    draftSaveDelay: ({ context }) => context.options.draftSaveDelayMs,
    userSearchDelay: ({ context }) => context.options.userSearchDelayMs,
    statusPollInterval: ({ context }) => context.options.statusPollIntervalMs,
  },
  guards: {
    canCreateConnections: (_, user: { permissions: string[] }) =>
      CREATE_CONNECTION_PERMISSIONS.some((permission) => user.permissions.includes(permission)),
    hasNoManagementAccounts: ({ context }) => context.managementAccounts.value.length === 0,
    hasSubmissionInFlight: ({ context }) => context.submission.idempotencyKey !== null,
    hasChosenPath: ({ context }) => context.path !== null,
    hasConnectedManagementAccount: ({ context }) =>
      context.managementAccounts.value.some((account) => account.connected),
    isDedicatedRolePath: ({ context }) => context.path === 'dedicatedRole',
    needsOrganization: ({ context }) =>
      context.path === 'dedicatedRole' && context.values.managementAccountId !== null,
    isOpenStepValid: ({ context }) => isStepValid(context, context.openStep),
    isOpenStepPending: ({ context }) => isStepPending(context, context.openStep),
    isStepReachable: ({ context }, params: { step: string }) =>
      getPathSteps(context).some((step) => step === params.step && isStepReachable(context, step)),
    canFinish: ({ context }) => canFinish(context),
    hasCheckableName: ({ context }) => {
      const name = getTrimmedConnectionName(context);
      return name !== '' && !validateDetails(context.values.details)['details.connectionName'];
    },
    hasSearchQuery: ({ context }) => context.userSearch.query.trim() !== '',
    isConnectionActive: (_, connection: { status: string }) => connection.status === 'active',
    isConnectionFailed: (_, connection: { status: string }) => connection.status === 'failed',
    isConflict: (_, error: unknown) => describeFailure(error).kind === 'conflict',
  },
  actions: {
    setStartFailure: assign((_, error: unknown) => ({ startFailure: describeFailure(error) })),
    clearStartFailure: assign({ startFailure: null }),
    setCurrentUser: assign((_, user: WizardContext['currentUser']) => ({ currentUser: user })),
    restoreDraft: assign(({ context }, draft: Draft | null): Patch => {
      if (!draft) {
        const email = context.currentUser?.email ?? '';
        return { values: { ...context.values, access: email ? [{ email, level: 'owner' }] : [] } };
      }
      return {
        path: draft.path,
        values: draft.values,
        openStep: draft.openStep,
        furthestStep: draft.furthestStep,
        touchedFields: [],
        submission: draft.submission
          ? {
              status: 'idle',
              idempotencyKey: draft.submission.idempotencyKey,
              connection: null,
              failure: null,
            }
          : context.submission,
      };
    }),
    setManagementAccounts: assign((_, accounts: WizardContext['managementAccounts']['value']) => ({
      managementAccounts: { status: 'ready', value: accounts, failure: null },
    })),
    setPath: assign(({ context }, path: WizardContext['path']) => ({
      path,
      openStep: 'details',
      furthestStep: 'details',
      attemptedSteps: [],
      // A management account chosen for one path may not be offered on the other.
      values: { ...context.values, managementAccountId: null, scope: EMPTY_SCOPE },
    })),
    clearPath: assign({ path: null }),
    openStep: assign((_, step: WizardContext['openStep']) => ({ openStep: step })),
    markOpenStepAttempted: assign(({ context }) => ({
      attemptedSteps: addUnique(context.attemptedSteps, context.openStep),
    })),
    markAllStepsAttempted: assign(({ context }) => ({
      attemptedSteps: [...getPathSteps(context)],
    })),
    advanceStep: assign(({ context }) => advancePatch(context)),
    requestNext: assign({ nextRequested: true }),
    /** Completes a *Next* pressed while the open step was still waiting, if it is valid now. */
    advanceIfRequested: assign(({ context }): Patch => {
      if (!context.nextRequested) return {};
      return isStepValid(context, context.openStep)
        ? { nextRequested: false, ...advancePatch(context) }
        : { nextRequested: false };
    }),
    setDetailsField: assign(
      (
        { context },
        params: { field: 'connectionName' | 'roleNameSuffix' | 'description'; value: string },
      ) => {
        const details = { ...context.values.details, [params.field]: params.value };
        if (params.field === 'connectionName' && !details.roleNameEdited) {
          details.roleNameSuffix = deriveRoleNameSuffix(params.value);
        }
        if (params.field === 'roleNameSuffix') {
          details.roleNameEdited = true;
        }
        return {
          values: { ...context.values, details },
          touchedFields: addUnique(context.touchedFields, `details.${params.field}`),
          nextRequested: false,
        };
      },
    ),
    setNameCheckPending: assign(({ context }) => ({
      nameCheck: {
        name: getTrimmedConnectionName(context),
        status: 'pending' as const,
        failure: null,
      },
    })),
    clearNameCheck: assign({ nameCheck: { name: '', status: 'idle', failure: null } }),
    setNameCheckResult: assign(({ context }, output: { available: boolean }) => ({
      nameCheck: {
        name: context.nameCheck.name,
        status: output.available ? ('available' as const) : ('taken' as const),
        failure: null,
      },
    })),
    setNameCheckFailure: assign(({ context }, error: unknown) => ({
      nameCheck: {
        name: context.nameCheck.name,
        status: 'failed' as const,
        failure: describeFailure(error),
      },
    })),
    selectManagementAccount: assign(({ context }, accountId: string): Patch => {
      if (context.values.managementAccountId === accountId) return {};
      return {
        values: { ...context.values, managementAccountId: accountId, scope: EMPTY_SCOPE },
        organization: { status: 'idle', value: null, failure: null },
        deploymentSettings: { status: 'idle', value: null, failure: null },
        deploymentCheck: { status: 'idle', value: null, failure: null },
        touchedFields: addUnique(context.touchedFields, 'managementAccountId'),
      };
    }),
    setOrganizationLoading: assign(({ context }) => ({
      organization: { ...context.organization, status: 'loading' as const, failure: null },
    })),
    setOrganization: assign(
      ({ context }, organization: Parameters<typeof indexOrganization>[0]) => {
        const index = indexOrganization(organization);
        return {
          organization: { status: 'ready' as const, value: index, failure: null },
          values: { ...context.values, scope: normalizeSelection(index, context.values.scope) },
        };
      },
    ),
    setOrganizationFailure: assign((_, error: unknown) => ({
      organization: { status: 'failed' as const, value: null, failure: describeFailure(error) },
    })),
    toggleScopeNode: assign(({ context }, nodeId: string): Patch => {
      const index = context.organization.value;
      if (!index) return {};
      return {
        values: { ...context.values, scope: toggleNode(index, context.values.scope, nodeId) },
        touchedFields: addUnique(context.touchedFields, 'scope.selected'),
      };
    }),
    clearScope: assign(({ context }) => ({ values: { ...context.values, scope: EMPTY_SCOPE } })),
    decideManagementAccount: assign(({ context }, decision: 'include' | 'exclude'): Patch => {
      const index = context.organization.value;
      if (!index) return {};
      return {
        values: {
          ...context.values,
          scope: setManagementAccountDecision(index, context.values.scope, decision),
        },
      };
    }),
    setPickedAccountsAutoDeployment: assign(({ context }, value: 'off' | 'on') => ({
      values: {
        ...context.values,
        scope: { ...context.values.scope, pickedAccountsAutoDeployment: value },
      },
    })),
    setDeploymentSettingsLoading: assign(({ context }) => ({
      deploymentSettings: {
        ...context.deploymentSettings,
        status: 'loading' as const,
        failure: null,
      },
    })),
    setDeploymentSettings: assign((_, settings: WizardContext['deploymentSettings']['value']) => ({
      deploymentSettings: { status: 'ready' as const, value: settings, failure: null },
    })),
    setDeploymentSettingsFailure: assign((_, error: unknown) => ({
      deploymentSettings: {
        status: 'failed' as const,
        value: null,
        failure: describeFailure(error),
      },
    })),
    setManagedPoliciesLoading: assign(({ context }) => ({
      managedPolicies: { ...context.managedPolicies, status: 'loading' as const, failure: null },
    })),
    setManagedPolicies: assign((_, policies: WizardContext['managedPolicies']['value']) => ({
      managedPolicies: { status: 'ready' as const, value: policies, failure: null },
    })),
    setManagedPoliciesFailure: assign(({ context }, error: unknown) => ({
      managedPolicies: {
        status: 'failed' as const,
        value: context.managedPolicies.value,
        failure: describeFailure(error),
      },
    })),
    setPolicies: assign(
      ({ context }, params: { policies: WizardContext['values']['policies']; field: string }) => ({
        values: { ...context.values, policies: params.policies },
        touchedFields: addUnique(context.touchedFields, params.field),
      }),
    ),
    setDeployTab: assign((_, tab: WizardContext['deployTab']) => ({ deployTab: tab })),
    setRegion: assign(({ context }, region: string) => ({
      values: { ...context.values, region },
      deploymentCheck: { status: 'idle' as const, value: null, failure: null },
    })),
    setDeploymentCheckLoading: assign(({ context }) => ({
      deploymentCheck: { ...context.deploymentCheck, status: 'loading' as const, failure: null },
    })),
    setDeploymentCheck: assign((_, status: WizardContext['deploymentCheck']['value']) => ({
      deploymentCheck: { status: 'ready' as const, value: status, failure: null },
    })),
    setDeploymentCheckFailure: assign(({ context }, error: unknown) => ({
      deploymentCheck: {
        status: 'failed' as const,
        value: context.deploymentCheck.value,
        failure: describeFailure(error),
      },
    })),
    setAccess: assign(
      (
        { context },
        params: { access: WizardContext['values']['access']; field: string | null },
      ) => ({
        values: { ...context.values, access: params.access },
        touchedFields: params.field
          ? addUnique(context.touchedFields, params.field)
          : context.touchedFields,
      }),
    ),
    setUserSearchQuery: assign(({ context }, query: string) => ({
      userSearch: { ...context.userSearch, query },
    })),
    setUserSearchLoading: assign(({ context }) => ({
      userSearch: { ...context.userSearch, status: 'loading' as const, failure: null },
    })),
    setUserSearchResults: assign(({ context }, users: WizardContext['userSearch']['value']) => ({
      userSearch: { ...context.userSearch, status: 'ready' as const, value: users, failure: null },
    })),
    setUserSearchFailure: assign(({ context }, error: unknown) => ({
      userSearch: {
        ...context.userSearch,
        status: 'failed' as const,
        failure: describeFailure(error),
      },
    })),
    clearUserSearch: assign(({ context }) => ({
      userSearch: { ...context.userSearch, status: 'idle' as const, value: [], failure: null },
    })),
    setDraftStatus: assign(
      (_, params: { status: WizardContext['draft']['status']; error?: unknown }) => ({
        draft: {
          status: params.status,
          failure: params.error === undefined ? null : describeFailure(params.error),
        },
      }),
    ),
    resetValues: assign(({ context }) => {
      const email = context.currentUser?.email ?? '';
      const values = emptyValues();
      return {
        path: null,
        values: { ...values, access: email ? [{ email, level: 'owner' }] : [] },
        openStep: 'details' as const,
        furthestStep: 'details' as const,
        attemptedSteps: [],
        touchedFields: [],
        nameCheck: { name: '', status: 'idle' as const, failure: null },
      };
    }),
    startSubmission: assign(({ context }) => ({
      submission: {
        status: 'creating' as const,
        idempotencyKey: context.submission.idempotencyKey ?? context.options.createIdempotencyKey(),
        connection: context.submission.connection,
        failure: null,
      },
    })),
    setSubmittedConnection: assign(
      ({ context }, connection: NonNullable<WizardContext['submission']['connection']>) => ({
        submission: {
          ...context.submission,
          status: connection.status === 'active' ? ('active' as const) : ('waiting' as const),
          connection,
          failure: null,
        },
      }),
    ),
    setSubmissionFailure: assign(({ context }, error: unknown) => ({
      submission: {
        ...context.submission,
        status: 'failed' as const,
        failure: describeFailure(error),
      },
    })),
    setConnectionFailed: assign(({ context }) => ({
      submission: {
        ...context.submission,
        status: 'failed' as const,
        failure: {
          kind: 'unknown' as const,
          retryable: true,
          detail: 'The connection could not be activated.',
        },
      },
    })),
    /** The name was taken between the check and the creation: send the user back to Details. */
    rejectTakenName: assign(({ context }) => ({
      nameCheck: {
        name: getTrimmedConnectionName(context),
        status: 'taken' as const,
        failure: null,
      },
      submission: {
        status: 'idle' as const,
        idempotencyKey: null,
        connection: null,
        failure: null,
      },
      openStep: 'details' as const,
    })),
    emitConnectionCreated: emit(({ context }) => ({
      type: 'connection.created' as const,
      connection: context.submission.connection!,
    })),
  },
}).createMachine({
  id: 'awsConnectionWizard',
  context: ({ input }) => createInitialContext(input),
  initial: 'loadingUser',
  states: {
    loadingUser: {
      tags: 'loading',
      invoke: {
        src: 'loadCurrentUser',
        onDone: [
          {
            guard: { type: 'canCreateConnections', params: ({ event }) => event.output },
            target: 'loadingDraft',
            actions: { type: 'setCurrentUser', params: ({ event }) => event.output },
          },
          {
            target: 'forbidden',
            actions: { type: 'setCurrentUser', params: ({ event }) => event.output },
          },
        ],
        onError: {
          target: 'startFailed',
          actions: { type: 'setStartFailure', params: errorOf },
        },
      },
    },
    /** The user lacks CloudFlow Owner and CloudFlow Editor: nothing to fill in. */
    forbidden: {},
    loadingDraft: {
      tags: 'loading',
      invoke: {
        src: 'loadDraft',
        onDone: {
          target: 'loadingManagementAccounts',
          actions: { type: 'restoreDraft', params: ({ event }) => event.output },
        },
        // A draft that cannot be read must not stop the user from starting afresh.
        onError: {
          target: 'loadingManagementAccounts',
          actions: { type: 'restoreDraft', params: null },
        },
      },
    },
    loadingManagementAccounts: {
      tags: 'loading',
      invoke: {
        src: 'loadManagementAccounts',
        onDone: {
          target: 'routing',
          actions: { type: 'setManagementAccounts', params: ({ event }) => event.output },
        },
        onError: {
          target: 'startFailed',
          actions: { type: 'setStartFailure', params: errorOf },
        },
      },
    },
    routing: {
      always: [
        { guard: 'hasNoManagementAccounts', target: 'noManagementAccounts' },
        { guard: 'hasSubmissionInFlight', target: 'submitting' },
        { guard: 'hasChosenPath', target: 'editing' },
        { guard: 'hasConnectedManagementAccount', target: 'choosingPath' },
        { target: 'editing', actions: { type: 'setPath', params: 'dedicatedRole' } },
      ],
    },
    startFailed: {
      on: { 'wizard.retry': { target: 'loadingUser', actions: 'clearStartFailure' } },
    },
    /** No onboarded management account: the host's link to onboarding is shown instead. */
    noManagementAccounts: {},
    choosingPath: {
      on: {
        'path.choose': {
          target: 'editing',
          actions: { type: 'setPath', params: ({ event }) => event.path },
        },
      },
    },
    editing: {
      type: 'parallel',
      on: {
        'path.change': {
          guard: 'hasConnectedManagementAccount',
          target: 'choosingPath',
          actions: 'clearPath',
        },
        'wizard.finish': [
          { guard: 'canFinish', target: 'submitting' },
          { actions: 'markAllStepsAttempted' },
        ],
        'draft.discard': { target: 'discardingDraft' },
      },
      states: {
        // Value changes live in a region of their own, not on `editing`: XState takes a parallel
        // state's own transitions only when none of its regions handles the event, and the
        // regions below react to the same events (re-check the name, save the draft, ...).
        form: {
          on: {
            'step.open': {
              guard: { type: 'isStepReachable', params: ({ event }) => ({ step: event.step }) },
              actions: { type: 'openStep', params: ({ event }) => event.step },
            },
            'step.next': [
              { guard: 'isOpenStepValid', actions: ['markOpenStepAttempted', 'advanceStep'] },
              // Still checking the name: move on by itself once the check says it is free.
              { guard: 'isOpenStepPending', actions: ['markOpenStepAttempted', 'requestNext'] },
              { actions: 'markOpenStepAttempted' },
            ],
            'details.change': {
              actions: { type: 'setDetailsField', params: ({ event }) => event },
            },
            'managementAccount.select': {
              actions: { type: 'selectManagementAccount', params: ({ event }) => event.accountId },
            },
            'scope.toggle': {
              actions: { type: 'toggleScopeNode', params: ({ event }) => event.nodeId },
            },
            'scope.clear': { actions: 'clearScope' },
            'scope.setPickedAccountsAutoDeployment': {
              actions: {
                type: 'setPickedAccountsAutoDeployment',
                params: ({ event }) => event.value,
              },
            },
            'managementAccount.decide': {
              actions: { type: 'decideManagementAccount', params: ({ event }) => event.decision },
            },
            'policies.addManagedPolicy': {
              actions: {
                type: 'setPolicies',
                params: ({ context, event }) => ({
                  field: 'policies.managedPolicyArns',
                  policies: {
                    ...context.values.policies,
                    managedPolicyArns: addUnique(
                      context.values.policies.managedPolicyArns,
                      event.arn,
                    ),
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
                    allowedActions: withoutIndex(
                      context.values.policies.allowedActions,
                      event.index,
                    ),
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
              guard: ({ context }) => context.deploymentSettings.value?.regionLocked !== true,
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
        },
        nameCheck: {
          initial: 'idle',
          on: {
            'details.change': [
              {
                guard: ({ event }) => event.field === 'connectionName',
                target: '.waiting',
                reenter: true,
              },
            ],
            'nameCheck.retry': { target: '.checking' },
          },
          states: {
            idle: {},
            waiting: {
              entry: 'clearNameCheck',
              after: {
                nameCheckDelay: [
                  { guard: 'hasCheckableName', target: 'checking' },
                  { target: 'idle' },
                ],
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
                    'advanceIfRequested',
                  ],
                },
                onError: {
                  target: 'idle',
                  actions: { type: 'setNameCheckFailure', params: errorOf },
                },
              },
            },
          },
        },
        organization: {
          initial: 'idle',
          on: {
            'managementAccount.select': { target: '.idle', reenter: true },
            'organization.retry': { target: '.loading' },
          },
          states: {
            idle: {
              always: {
                guard: ({ context }) =>
                  context.path === 'dedicatedRole' &&
                  context.values.managementAccountId !== null &&
                  context.organization.status !== 'ready',
                target: 'loading',
              },
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
                  actions: { type: 'setOrganization', params: ({ event }) => event.output },
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
        },
        deploymentSettings: {
          initial: 'idle',
          on: {
            'managementAccount.select': { target: '.idle', reenter: true },
            'settings.retry': { target: '.loading' },
          },
          states: {
            idle: {
              always: {
                guard: ({ context }) =>
                  context.path === 'dedicatedRole' &&
                  context.values.managementAccountId !== null &&
                  context.deploymentSettings.status !== 'ready',
                target: 'loading',
              },
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
                  actions: { type: 'setDeploymentSettings', params: ({ event }) => event.output },
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
        },
        managedPolicies: {
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
        },
        deploymentCheck: {
          initial: 'idle',
          on: {
            'deploy.check': { target: '.checking', reenter: true },
            'managementAccount.select': { target: '.idle' },
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
        },
        userSearch: {
          initial: 'idle',
          on: {
            'access.search': {
              target: '.waiting',
              reenter: true,
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
        },
        draft: {
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
        },
      },
    },
    discardingDraft: {
      entry: 'resetValues',
      invoke: {
        src: 'clearDraft',
        onDone: { target: 'routing' },
        onError: { target: 'routing' },
      },
    },
    submitting: {
      tags: 'pending',
      initial: 'creating',
      states: {
        creating: {
          entry: 'startSubmission',
          invoke: [
            {
              src: 'saveDraft',
              input: ({ context }) => ({ draft: toDraft(context) }),
            },
            {
              src: 'createConnection',
              input: ({ context }) => ({
                request: buildConnectionRequest(context),
                idempotencyKey: context.submission.idempotencyKey ?? '',
              }),
              onDone: [
                {
                  guard: { type: 'isConnectionActive', params: ({ event }) => event.output },
                  target: '#awsConnectionWizard.complete',
                  actions: { type: 'setSubmittedConnection', params: ({ event }) => event.output },
                },
                {
                  target: 'waiting',
                  actions: { type: 'setSubmittedConnection', params: ({ event }) => event.output },
                },
              ],
              onError: [
                {
                  guard: { type: 'isConflict', params: errorOf },
                  target: '#awsConnectionWizard.editing',
                  actions: 'rejectTakenName',
                },
                {
                  target: 'failed',
                  actions: { type: 'setSubmissionFailure', params: errorOf },
                },
              ],
            },
          ],
        },
        waiting: {
          invoke: {
            src: 'saveDraft',
            input: ({ context }) => ({ draft: toDraft(context) }),
          },
          after: { statusPollInterval: 'polling' },
        },
        polling: {
          invoke: {
            src: 'loadConnection',
            input: ({ context }) => ({ connectionId: context.submission.connection?.id ?? '' }),
            onDone: [
              {
                guard: { type: 'isConnectionActive', params: ({ event }) => event.output },
                target: '#awsConnectionWizard.complete',
                actions: { type: 'setSubmittedConnection', params: ({ event }) => event.output },
              },
              {
                guard: { type: 'isConnectionFailed', params: ({ event }) => event.output },
                target: 'failed',
                actions: [
                  { type: 'setSubmittedConnection', params: ({ event }) => event.output },
                  'setConnectionFailed',
                ],
              },
              {
                target: 'waiting',
                actions: { type: 'setSubmittedConnection', params: ({ event }) => event.output },
              },
            ],
            onError: {
              target: 'failed',
              actions: { type: 'setSubmissionFailure', params: errorOf },
            },
          },
        },
        failed: {
          on: {
            'submission.retry': [
              {
                guard: ({ context }) => context.submission.connection !== null,
                target: 'polling',
              },
              { target: 'creating' },
            ],
          },
        },
      },
    },
    complete: {
      entry: 'emitConnectionCreated',
      invoke: { src: 'clearDraft' },
    },
  },
});

export type WizardMachine = typeof wizardMachine;
