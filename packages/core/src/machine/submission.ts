/**
 * Submission: create the connection once, then follow its status until it is active.
 *
 * The request is frozen at *Finish connection* and saved in the draft with its idempotency key,
 * so a retry or a reload sends exactly the same request with the same key; once the platform
 * has answered with the connection's id, a reload follows that connection instead of creating.
 *
 * Every state has a way out. A failure offers *Retry* only when the same call may succeed
 * later, and always the way back to the steps with every value kept. A connection that stays
 * pending is read again and again, less often each time; after `submissionSlowAfterMs` the
 * wizard says it is still being created and lets the user go back (or close the wizard: the
 * draft brings the submission back on the next visit).
 */
import type { ConnectionRequest } from '../model/values';
import type { WizardContext } from './context';
import { wizardSetup } from './setup';
import { errorOf, toDraft } from './updates';

/** The request of a submission; every way into `creating` sets it first. */
function requireRequest(context: WizardContext): ConnectionRequest {
  const { request } = context.submission;
  if (!request) throw new Error('The wizard started creating a connection without a request.');
  return request;
}

export const submittingState = wizardSetup.createStateConfig({
  tags: 'pending',
  initial: 'routing',
  after: { submissionSlowAfter: { actions: 'setSubmissionSlow' } },
  on: {
    // Saving the draft on the way back drops the submission from it, so a reload does not
    // send the request again.
    'submission.edit': {
      guard: 'canLeaveSubmission',
      target: '#awsConnectionWizard.editing.draft.waiting',
      actions: 'clearSubmissionProgress',
    },
  },
  states: {
    routing: {
      always: [{ guard: 'hasConnectionId', target: 'activating' }, { target: 'creating' }],
    },
    creating: {
      entry: { type: 'setSubmissionStatus', params: 'creating' },
      invoke: [
        { src: 'saveDraft', input: ({ context }) => ({ draft: toDraft(context) }) },
        {
          src: 'createConnection',
          input: ({ context }) => ({
            request: requireRequest(context),
            idempotencyKey: context.submission.idempotencyKey ?? '',
          }),
          onDone: [
            {
              guard: { type: 'isConnectionActive', params: ({ event }) => event.output },
              target: '#awsConnectionWizard.complete',
              actions: { type: 'setSubmittedConnection', params: ({ event }) => event.output },
            },
            {
              target: 'activating',
              actions: { type: 'setSubmittedConnection', params: ({ event }) => event.output },
            },
          ],
          onError: [
            {
              guard: { type: 'hasFieldProblems', params: errorOf },
              target: '#awsConnectionWizard.editing.draft.waiting',
              actions: { type: 'setSubmissionProblems', params: errorOf },
            },
            {
              guard: { type: 'isConflict', params: errorOf },
              target: '#awsConnectionWizard.editing.draft.waiting',
              actions: 'setNameTakenAtSubmission',
            },
            {
              target: 'failed',
              actions: {
                type: 'setSubmissionFailure',
                params: ({ event }) => ({ error: event.error, failedAt: 'create' as const }),
              },
            },
          ],
        },
      ],
    },
    activating: {
      entry: { type: 'setSubmissionStatus', params: 'activating' },
      // Saves the connection's id, so a reload follows it instead of creating again.
      invoke: { src: 'saveDraft', input: ({ context }) => ({ draft: toDraft(context) }) },
      initial: 'waiting',
      states: {
        waiting: {
          after: { statusPollInterval: 'polling' },
        },
        polling: {
          invoke: {
            src: 'loadConnection',
            input: ({ context }) => ({ connectionId: context.submission.connectionId ?? '' }),
            onDone: [
              {
                guard: { type: 'isConnectionActive', params: ({ event }) => event.output },
                target: '#awsConnectionWizard.complete',
                actions: { type: 'setSubmittedConnection', params: ({ event }) => event.output },
              },
              {
                guard: { type: 'isConnectionFailed', params: ({ event }) => event.output },
                target: '#awsConnectionWizard.submitting.failed',
                actions: [
                  { type: 'setSubmittedConnection', params: ({ event }) => event.output },
                  'setConnectionFailed',
                ],
              },
              {
                target: 'waiting',
                actions: [
                  { type: 'setSubmittedConnection', params: ({ event }) => event.output },
                  'setConnectionPolled',
                ],
              },
            ],
            onError: {
              target: '#awsConnectionWizard.submitting.failed',
              actions: {
                type: 'setSubmissionFailure',
                params: ({ event }) => ({ error: event.error, failedAt: 'status' as const }),
              },
            },
          },
        },
      },
    },
    failed: {
      on: {
        // Only where the same call may succeed later; otherwise the way out is the steps.
        'submission.retry': { guard: 'canRetrySubmission', target: 'routing' },
      },
    },
  },
});
