/**
 * *Finish connection* at work: which stage the submission is at (creating the connection, then
 * waiting for it to become active), how long it has run, and the ways out. The platform does
 * not report how far along it is, so the bar is indeterminate (a WAI-ARIA `progressbar` without
 * `aria-valuenow`); a polite live region announces each new stage, not every second.
 * https://www.w3.org/TR/wai-aria-1.2/#progressbar
 */
import type { SubmissionView } from '@aws-connection-wizard/core';
import type * as React from 'react';

import { FailureAlert } from '../components/FailureAlert';
import { InlineAlert } from '../components/InlineAlert';
import { Progress } from '../components/Progress';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useWizardMessages, type WizardMessages } from '../wizardMessages';
import { useWizardSettings } from '../WizardSettings';
import { useElapsedSeconds } from './useElapsedSeconds';

const FAILURE_TITLE_KEYS = {
  create: 'submissionFailed',
  status: 'submissionStatusFailed',
  activation: 'submissionActivationFailed',
} as const satisfies Record<NonNullable<SubmissionView['failedAt']>, keyof WizardMessages>;

export function SubmittingPhase() {
  const messages = useWizardMessages();
  const submission = useWizardView((view) => view.submission);
  const { retrySubmission, returnToEditing } = useWizardSenders();
  const { onCancel } = useWizardSettings();

  const waysOut = (
    <>
      {submission.canReturnToEditing ? (
        <button
          type="button"
          className="awcw-button"
          data-variant="secondary"
          data-size="small"
          onClick={returnToEditing}
        >
          {messages.returnToEditing}
        </button>
      ) : null}
      {onCancel ? (
        <button
          type="button"
          className="awcw-button"
          data-variant="ghost"
          data-size="small"
          onClick={onCancel}
        >
          {messages.submittingClose}
        </button>
      ) : null}
    </>
  );

  if (submission.stage === 'failed') {
    const title = messages[FAILURE_TITLE_KEYS[submission.failedAt ?? 'create']];
    if (submission.failedAt === 'activation') {
      return (
        <InlineAlert variant="error" title={title} actions={waysOut}>
          {messages.submissionActivationFailedDescription}
        </InlineAlert>
      );
    }
    return (
      <FailureAlert
        title={title}
        failure={submission.failure}
        onRetry={submission.canRetry ? retrySubmission : undefined}
        actions={waysOut}
      />
    );
  }
  return <SubmissionProgress submission={submission} waysOut={waysOut} />;
}

function SubmissionProgress({
  submission,
  waysOut,
}: {
  submission: SubmissionView;
  waysOut: React.ReactNode;
}) {
  const messages = useWizardMessages();
  const seconds = useElapsedSeconds(submission.startedAt);
  const activating = submission.stage === 'activating';
  const steps = [
    { label: messages.submittingStepCreate, state: activating ? 'done' : 'current' },
    { label: messages.submittingStepActivate, state: activating ? 'current' : 'upcoming' },
  ] as const;
  const stateWords = {
    done: messages.submittingStepDone,
    current: messages.submittingStepCurrent,
    upcoming: messages.submittingStepUpcoming,
  };

  return (
    <div className="awcw-phase awcw-phase-submitting" data-stage={submission.stage}>
      <Progress label={messages.submittingTitle} />
      {/* Outside the live region and the bar, so the ticking time is not read out each second. */}
      <p className="awcw-muted">{messages.submittingElapsed({ seconds })}</p>
      <p className="awcw-submission-stage" role="status">
        {activating ? messages.submittingStageActivating : messages.submittingStageCreating}
      </p>
      <ol className="awcw-submission-steps">
        {steps.map((step) => (
          <li key={step.label} data-state={step.state}>
            {step.label} <span className="awcw-muted">({stateWords[step.state]})</span>
          </li>
        ))}
      </ol>
      {submission.isSlow ? (
        <InlineAlert variant="info" actions={waysOut}>
          {messages.submittingSlow}
        </InlineAlert>
      ) : (
        <>
          <p className="awcw-hint">{messages.submittingWaiting}</p>
          <div className="awcw-row">{waysOut}</div>
        </>
      )}
    </div>
  );
}
