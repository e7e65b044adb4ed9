/**
 * Submission: create the connection once (the idempotency key survives retries and reloads),
 * then follow its status until it is active. The draft keeps the key meanwhile.
 */
import { buildConnectionRequest } from './rules';
import { wizardSetup } from './setup';
import { errorOf, toDraft } from './updates';

export const submittingState = wizardSetup.createStateConfig({
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
              guard: { type: 'hasFieldProblems', params: errorOf },
              target: '#awsConnectionWizard.editing',
              actions: { type: 'setSubmissionProblems', params: errorOf },
            },
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
});
