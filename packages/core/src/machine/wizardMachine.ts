/**
 * The wizard as one XState machine: the permission gate, the choice between the two paths, the
 * five steps and the submission, in the order the user meets them. Its parts are named in
 * `setup.ts`; side effects are the actors declared in `actors.ts`; rules derived from the
 * context live in `rules.ts`. This file only says what happens when.
 */
import { createInitialContext } from './context';
import {
  deploymentCheckRegion,
  deploymentPrerequisitesRegion,
  deploymentSettingsRegion,
  draftRegion,
  formRegion,
  iamActionsRegion,
  managedPoliciesRegion,
  nameCheckRegion,
  organizationRegion,
  userSearchRegion,
  directoryRegion,
} from './regions';
import { getUserEmail } from './rules';
import { wizardSetup } from './setup';
import { submittingState } from './submission';
import { errorOf } from './updates';

export const wizardMachine = wizardSetup.createMachine({
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
        input: ({ context }) => ({ userEmail: getUserEmail(context) }),
        onDone: [
          {
            guard: { type: 'isOwnDraft', params: ({ event }) => event.output },
            target: 'loadingManagementAccounts',
            actions: { type: 'setDraftValues', params: ({ event }) => event.output },
          },
          // Another user's draft, from a store that does not keep one per user: never shown.
          { target: 'loadingManagementAccounts', actions: 'setFreshValues' },
        ],
        // A draft that cannot be read must not stop the user from starting afresh.
        onError: { target: 'loadingManagementAccounts', actions: 'setFreshValues' },
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
      always: {
        guard: 'isRequestedFinishReady',
        target: 'submitting',
        actions: ['clearFinishRequest', 'setSubmissionRequest'],
      },
      on: {
        'path.change': {
          guard: 'hasConnectedManagementAccount',
          target: 'choosingPath',
          actions: 'clearPath',
        },
        'wizard.finish': [
          { guard: 'canFinish', target: 'submitting', actions: 'setSubmissionRequest' },
          // Only the directory's answer is missing: finish by itself once it comes.
          { actions: ['setAllStepsAttempted', 'setFinishRequestedIfWaiting'] },
        ],
        'draft.discard': { target: 'discardingDraft' },
      },
      states: {
        form: formRegion,
        nameCheck: nameCheckRegion,
        organization: organizationRegion,
        deploymentSettings: deploymentSettingsRegion,
        managedPolicies: managedPoliciesRegion,
        deploymentCheck: deploymentCheckRegion,
        deploymentPrerequisites: deploymentPrerequisitesRegion,
        userSearch: userSearchRegion,
        directory: directoryRegion,
        draft: draftRegion,
        iamActions: iamActionsRegion,
      },
    },
    discardingDraft: {
      entry: 'clearValues',
      invoke: {
        src: 'clearDraft',
        input: ({ context }) => ({ userEmail: getUserEmail(context) }),
        onDone: { target: 'routing' },
        onError: { target: 'routing' },
      },
    },
    submitting: submittingState,
    complete: {
      // The draft goes first: hosts often unmount the wizard as soon as they hear of the
      // connection, which would stop a clear still running and bring the finished submission
      // back on the next visit.
      initial: 'clearingDraft',
      states: {
        clearingDraft: {
          invoke: {
            src: 'clearDraft',
            input: ({ context }) => ({ userEmail: getUserEmail(context) }),
            onDone: { target: 'announced' },
            onError: { target: 'announced' },
          },
        },
        announced: { entry: 'emitConnectionCreated' },
      },
    },
  },
});

export type WizardMachine = typeof wizardMachine;
