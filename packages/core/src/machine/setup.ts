/**
 * Everything the wizard machine is made of, named and typed in one place: its context and
 * events, the declared actors, the delays, the guards and the actions. `wizardMachine.ts`
 * arranges them into states; `regions.ts` and `submission.ts` hold the larger state nodes.
 */
import { assign, emit, setup } from 'xstate';

import { wizardFieldOf } from '../model/problems';
import type { Draft } from '../model/draft';
import { CREATE_CONNECTION_PERMISSIONS, EMPTY_SCOPE } from '../model/values';
import { deriveRoleNameSuffix, normalizeEmail, validateDetails } from '../model/validation';
import {
  indexOrganization,
  normalizeSelection,
  setManagementAccountDecision as withManagementAccountDecision,
  toggleNode,
} from '../scope';
import { wizardActors } from './actors';
import {
  NO_SUBMISSION,
  emptyValues,
  type SubmissionFailedAt,
  type WizardContext,
  type WizardOptions,
} from './context';
import type { WizardEmitted, WizardEvent } from './events';
import { describeFailure } from './failure';
import {
  buildConnectionRequest,
  canFinish,
  canFinishOnceChecked,
  canLeaveSubmission,
  getStepIssues,
  getUncheckedDirectoryEmail,
  canRetrySubmission,
  getFieldValue,
  getPathSteps,
  getStepOfField,
  getTrimmedConnectionName,
  getUserEmail,
  isOfferedManagementAccount,
  isSameConnectionRequest,
  isStepPending,
  isStepReachable,
  isStepValid,
} from './rules';
import { addUnique, advancePatch, type Patch } from './updates';

/** A management account the platform offers on the dedicated-role path is chosen. */
function hasChosenDedicatedManagementAccount(context: WizardContext): boolean {
  const accountId = context.values.managementAccountId;
  return (
    context.path === 'dedicatedRole' &&
    accountId !== null &&
    isOfferedManagementAccount(context, accountId)
  );
}

/** The creating user as the first access row, with the Owner level. */
function creatorAccess(context: WizardContext): WizardContext['values']['access'] {
  const email = context.currentUser?.email ?? '';
  return email ? [{ email, level: 'owner' }] : [];
}

const ACCESS_EMAIL_FIELD = /^access\.\d+\.email$/;

export const wizardSetup = setup({
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
    // Doubles after each read of a pending connection, up to the maximum: creation can take
    // minutes, and a wizard left open should not keep asking every few seconds.
    statusPollInterval: ({ context }) =>
      Math.min(
        context.options.statusPollIntervalMs * 2 ** context.submission.polls,
        context.options.statusPollMaxIntervalMs,
      ),
    // Counted from *Finish connection*, not from this state's entry, so a reload does not
    // restart the wait.
    submissionSlowAfter: ({ context }) => {
      const started = Date.parse(context.submission.startedAt ?? '');
      const elapsed = Number.isNaN(started) ? 0 : context.options.now().getTime() - started;
      return Math.max(0, context.options.submissionSlowAfterMs - elapsed);
    },
  },
  guards: {
    canCreateConnections: (_, user: { permissions: string[] }) =>
      CREATE_CONNECTION_PERMISSIONS.some((permission) => user.permissions.includes(permission)),
    hasNoManagementAccounts: ({ context }) => context.managementAccounts.value.length === 0,
    /** A draft brought back a submission that had not finished. */
    hasSubmissionInFlight: ({ context }) =>
      context.submission.status !== 'idle' && context.submission.request !== null,
    hasConnectionId: ({ context }) => context.submission.connectionId !== null,
    isOwnDraft: ({ context }, draft: Draft | null) =>
      draft !== null && normalizeEmail(draft.userEmail) === getUserEmail(context),
    canRetrySubmission: ({ context }) => canRetrySubmission(context),
    canLeaveSubmission: ({ context }) => canLeaveSubmission(context),
    hasChosenPath: ({ context }) => context.path !== null,
    hasConnectedManagementAccount: ({ context }) =>
      context.managementAccounts.value.some((account) => account.connected),
    isDedicatedRolePath: ({ context }) => context.path === 'dedicatedRole',
    /** The dedicated-role path has a management account whose organisation is not loaded yet. */
    hasUnloadedOrganization: ({ context }) =>
      hasChosenDedicatedManagementAccount(context) && context.organization.status !== 'ready',
    /** The same, for the platform's deployment settings of that management account. */
    hasUnloadedDeploymentSettings: ({ context }) =>
      hasChosenDedicatedManagementAccount(context) && context.deploymentSettings.status !== 'ready',
    /** Only onboarded accounts, and on the existing-permissions path only connected ones. */
    isOfferedManagementAccount: ({ context }, accountId: string) =>
      isOfferedManagementAccount(context, accountId),
    /** The platform may fix the Region; then the user cannot change it. */
    isRegionEditable: ({ context }) => context.deploymentSettings.value?.regionLocked !== true,
    isConnectionNameField: (_, field: string) => field === 'connectionName',
    isOpenStepValid: ({ context }) => isStepValid(context, context.openStep),
    isOpenStepPending: ({ context }) => isStepPending(context, context.openStep),
    isStepReachable: ({ context }, params: { step: string }) =>
      getPathSteps(context).some((step) => step === params.step && isStepReachable(context, step)),
    canFinish: ({ context }) => canFinish(context),
    /** *Finish connection* waited for the directory, which has now answered for every address. */
    isRequestedFinishReady: ({ context }) => context.finishRequested && canFinish(context),
    hasUncheckedDirectoryEmail: ({ context }) => getUncheckedDirectoryEmail(context) !== undefined,
    hasCheckableName: ({ context }) => {
      const name = getTrimmedConnectionName(context);
      return name !== '' && !validateDetails(context.values.details)['details.connectionName'];
    },
    hasSearchQuery: ({ context }) => context.userSearch.query.trim() !== '',
    isConnectionActive: (_, connection: { status: string }) => connection.status === 'active',
    isConnectionFailed: (_, connection: { status: string }) => connection.status === 'failed',
    /** A conflict that names no field: the connection name was taken meanwhile. */
    isConflict: (_, error: unknown) => {
      const failure = describeFailure(error);
      return failure.kind === 'conflict' && failure.problems === undefined;
    },
    /** The backend refused the connection for problems at fields the wizard shows. */
    hasFieldProblems: ({ context }, error: unknown) =>
      (describeFailure(error).problems ?? []).some(
        (problem) => getStepOfField(context, wizardFieldOf(problem.field)) !== null,
      ),
  },
  actions: {
    setStartFailure: assign((_, error: unknown) => ({ startFailure: describeFailure(error) })),
    clearStartFailure: assign({ startFailure: null }),
    setCurrentUser: assign((_, user: WizardContext['currentUser']) => ({ currentUser: user })),
    /** Restores a draft the user left, the submission in flight included. */
    setDraftValues: assign(({ context }, draft: Draft | null): Patch => {
      if (!draft) return { values: { ...emptyValues(), access: creatorAccess(context) } };
      const { submission } = draft;
      return {
        path: draft.path,
        values: draft.values,
        openStep: draft.openStep,
        furthestStep: draft.furthestStep,
        touchedFields: [],
        editingField: null,
        submission: submission
          ? {
              ...NO_SUBMISSION,
              status: submission.connectionId ? 'activating' : 'creating',
              request: submission.request,
              idempotencyKey: submission.idempotencyKey,
              connectionId: submission.connectionId,
              startedAt: submission.startedAt,
            }
          : NO_SUBMISSION,
      };
    }),
    /** No draft to restore: the creating user starts on the access list as Owner. */
    setFreshValues: assign(({ context }): Patch => ({
      values: { ...emptyValues(), access: creatorAccess(context) },
    })),
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
    setOpenStep: assign((_, step: WizardContext['openStep']) => ({ openStep: step })),
    setOpenStepAttempted: assign(({ context }) => ({
      attemptedSteps: addUnique(context.attemptedSteps, context.openStep),
    })),
    /** *Finish connection* also ends any typing: every field shows its problems now. */
    setAllStepsAttempted: assign(({ context }) => ({
      attemptedSteps: [...getPathSteps(context)],
      editingField: null,
    })),
    setNextStepOpen: assign(({ context }) => advancePatch(context)),
    setNextRequested: assign({ nextRequested: true }),
    /** Remembers *Finish connection* when only a check stands in the way, to finish once it answers. */
    setFinishRequestedIfWaiting: assign(({ context }) => ({
      finishRequested: canFinishOnceChecked(context),
    })),
    clearFinishRequest: assign({ finishRequested: false }),
    /** Completes a *Next* pressed while the open step was still waiting, if it is valid now. */
    setNextStepOpenIfRequested: assign(({ context }): Patch => {
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
    setManagementAccount: assign(({ context }, accountId: string): Patch => {
      if (context.values.managementAccountId === accountId) return {};
      return {
        values: { ...context.values, managementAccountId: accountId, scope: EMPTY_SCOPE },
        organization: { status: 'idle', value: null, failure: null },
        deploymentSettings: { status: 'idle', value: null, failure: null },
        deploymentCheck: { status: 'idle', value: null, failure: null },
        deploymentPrerequisites: { status: 'idle', value: null, failure: null },
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
    setScopeNodeToggled: assign(({ context }, nodeId: string): Patch => {
      const index = context.organization.value;
      if (!index) return {};
      return {
        values: { ...context.values, scope: toggleNode(index, context.values.scope, nodeId) },
        touchedFields: addUnique(context.touchedFields, 'scope.selected'),
      };
    }),
    clearScope: assign(({ context }) => ({ values: { ...context.values, scope: EMPTY_SCOPE } })),
    setManagementAccountDecision: assign(({ context }, decision: 'include' | 'exclude'): Patch => {
      const index = context.organization.value;
      if (!index) return {};
      return {
        values: {
          ...context.values,
          scope: withManagementAccountDecision(index, context.values.scope, decision),
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
    setIamActions: assign((_, catalogue: WizardContext['iamActions']) => ({
      iamActions: catalogue,
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
    /**
     * A changed email is being typed: it counts as touched (and is checked) only once the user
     * leaves it, `access.commit`. Any other change is touched at once.
     */
    setAccess: assign(
      (
        { context },
        params: { access: WizardContext['values']['access']; field: string | null },
      ) => {
        const typing = params.field !== null && ACCESS_EMAIL_FIELD.test(params.field);
        return {
          values: { ...context.values, access: params.access },
          touchedFields:
            params.field && !typing
              ? addUnique(context.touchedFields, params.field)
              : context.touchedFields,
          editingField: typing
            ? params.field
            : params.field === 'access'
              ? null
              : context.editingField,
          finishRequested: false,
        };
      },
    ),
    commitAccessEmail: assign(({ context }, index: number) => ({
      touchedFields: addUnique(context.touchedFields, `access.${index}.email`),
      editingField: context.editingField === `access.${index}.email` ? null : context.editingField,
    })),
    setDirectoryChecking: assign(({ context }) => {
      const email = getUncheckedDirectoryEmail(context);
      return email === undefined
        ? {}
        : { directory: { ...context.directory, [email]: 'checking' as const } };
    }),
    /** The directory's search answers with users matching the address; only an exact one counts. */
    setDirectoryResult: assign(
      ({ context }, params: { email: string; users: WizardContext['userSearch']['value'] }) => {
        const found = params.users.some((user) => normalizeEmail(user.email) === params.email);
        const directory = { ...context.directory, [params.email]: found ? 'found' : 'missing' };
        const next = { ...context, directory } as WizardContext;
        const blocked = Object.keys(getStepIssues(next, 'access')).length > 0;
        return {
          directory,
          finishRequested: context.finishRequested && !blocked,
        } as Patch;
      },
    ),
    setDirectoryFailure: assign(({ context }, email: string) => ({
      directory: { ...context.directory, [email]: 'failed' as const },
    })),
    /**
     * A query has no answer until the directory gives one: the results held may be those of an
     * earlier query, so the search is loading (idle when there is nothing to ask).
     */
    setUserSearchQuery: assign(({ context }, query: string) => ({
      userSearch: {
        ...context.userSearch,
        query,
        status: query.trim() === '' ? ('idle' as const) : ('loading' as const),
        failure: null,
      },
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
    clearValues: assign(({ context }): Patch => ({
      path: null,
      values: { ...emptyValues(), access: creatorAccess(context) },
      openStep: 'details',
      furthestStep: 'details',
      attemptedSteps: [],
      touchedFields: [],
      editingField: null,
      finishRequested: false,
      nameCheck: { name: '', status: 'idle', failure: null },
      submission: NO_SUBMISSION,
    })),
    /**
     * Freezes what *Finish connection* sends. The same request as the last attempt keeps its
     * idempotency key (and the connection it created), so going back to the steps and
     * finishing again unchanged cannot create a second connection; a changed one gets a new key,
     * since a host refuses one key for two different requests.
     */
    setSubmissionRequest: assign(({ context }): Patch => {
      const request = buildConnectionRequest(context);
      const previous = context.submission;
      const same =
        previous.request !== null &&
        previous.idempotencyKey !== null &&
        isSameConnectionRequest(previous.request, request);
      return {
        submission: {
          ...NO_SUBMISSION,
          status: 'creating',
          request,
          idempotencyKey: same ? previous.idempotencyKey : context.options.createIdempotencyKey(),
          connectionId: same ? previous.connectionId : null,
          connection: same ? previous.connection : null,
          startedAt: context.options.now().toISOString(),
        },
      };
    }),
    setSubmissionStatus: assign(({ context }, status: 'creating' | 'activating') => ({
      submission: { ...context.submission, status, failure: null, failedAt: null },
    })),
    setSubmissionSlow: assign(({ context }) => ({
      submission: { ...context.submission, isSlow: true },
    })),
    setSubmittedConnection: assign(
      ({ context }, connection: NonNullable<WizardContext['submission']['connection']>) => ({
        submission: {
          ...context.submission,
          status: connection.status === 'active' ? ('active' as const) : ('activating' as const),
          connectionId: connection.id,
          connection,
          failure: null,
        },
      }),
    ),
    setConnectionPolled: assign(({ context }) => ({
      submission: { ...context.submission, polls: context.submission.polls + 1 },
    })),
    setSubmissionFailure: assign(
      ({ context }, params: { error: unknown; failedAt: SubmissionFailedAt }) => ({
        submission: {
          ...context.submission,
          status: 'failed' as const,
          failure: describeFailure(params.error),
          failedAt: params.failedAt,
        },
      }),
    ),
    /** The platform reports the connection as failed: asking again gives the same answer. */
    setConnectionFailed: assign(({ context }) => ({
      submission: {
        ...context.submission,
        status: 'failed' as const,
        failure: {
          kind: 'unknown' as const,
          retryable: false,
          detail: 'The platform reported that the connection could not be activated.',
        },
        failedAt: 'activation' as const,
      },
    })),
    /**
     * Back to the steps with every value kept. The request and its key stay, so finishing again
     * unchanged continues the same connection; a connection the platform failed is done with,
     * and finishing again asks for a new one.
     */
    clearSubmissionProgress: assign(({ context }) => ({
      submission:
        context.submission.failedAt === 'activation'
          ? NO_SUBMISSION
          : { ...context.submission, status: 'idle' as const, isSlow: false, failure: null },
    })),
    /** The name was taken between the check and the creation: send the user back to Details. */
    setNameTakenAtSubmission: assign(({ context }) => ({
      nameCheck: {
        name: getTrimmedConnectionName(context),
        status: 'taken' as const,
        failure: null,
      },
      submission: NO_SUBMISSION,
      openStep: 'details' as const,
    })),
    /**
     * The backend refused the connection for problems at fields: show each at its field, open
     * the first step that has one, and start the next *Finish connection* with a new key, since
     * the connection it sends will differ.
     */
    setSubmissionProblems: assign(({ context }, error: unknown): Patch => {
      const serverIssues = (describeFailure(error).problems ?? []).flatMap((problem) => {
        const field = wizardFieldOf(problem.field);
        if (getStepOfField(context, field) === null) return [];
        const value = getFieldValue(context, field);
        return [
          {
            field,
            code: problem.code,
            ...(problem.params ? { params: problem.params } : {}),
            value,
          },
        ];
      });
      const steps = getPathSteps(context).filter((step) =>
        serverIssues.some((issue) => getStepOfField(context, issue.field) === step),
      );
      return {
        serverIssues,
        attemptedSteps: steps.reduce((all, step) => addUnique(all, step), context.attemptedSteps),
        openStep: steps[0] ?? context.openStep,
        submission: NO_SUBMISSION,
      };
    }),
    setDeploymentPrerequisitesLoading: assign(({ context }) => ({
      deploymentPrerequisites: {
        ...context.deploymentPrerequisites,
        status: 'loading' as const,
        failure: null,
      },
    })),
    setDeploymentPrerequisites: assign(
      (_, prerequisites: WizardContext['deploymentPrerequisites']['value']) => ({
        deploymentPrerequisites: { status: 'ready' as const, value: prerequisites, failure: null },
      }),
    ),
    setDeploymentPrerequisitesFailure: assign((_, error: unknown) => ({
      deploymentPrerequisites: {
        status: 'failed' as const,
        value: null,
        failure: describeFailure(error),
      },
    })),
    emitConnectionCreated: emit(({ context }) => {
      const { connection } = context.submission;
      // `complete` is entered only with the active connection just stored: a missing one is a
      // bug in this machine, not something a host or a user could cause.
      if (!connection) throw new Error('The wizard completed without a connection.');
      return { type: 'connection.created' as const, connection };
    }),
  },
});
