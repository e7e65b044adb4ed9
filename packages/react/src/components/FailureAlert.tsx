/**
 * What failed when an adapter call failed: a title saying which call, a sentence for the kind
 * of failure, and *Retry* only where core says the same call may succeed later
 * (`failure.retryable`). Retrying a refusal (forbidden, not found, an unexpected answer) would
 * only fail again, so there the way forward is elsewhere, e.g. `actions`.
 */
import type { Failure } from '@aws-connection-wizard/core';
import * as React from 'react';

import { useWizardMessages } from '../wizardMessages';
import { InlineAlert } from './InlineAlert';

const FAILURE_ALERT_NAME = 'FailureAlert';

type FailureAlertElement = React.ComponentRef<typeof InlineAlert>;

interface FailureAlertProps {
  /** Which call failed, e.g. "The organization could not be loaded." */
  title: React.ReactNode;
  /** The failure as core describes it; `null` reads as an unknown, retryable failure. */
  failure: Failure | null;
  /** Repeats the call; offered only when the failure is retryable. */
  onRetry?: () => void;
  /** Whether the retried call is running. @default false */
  retrying?: boolean;
  /** Other ways forward, shown whether or not *Retry* is. */
  actions?: React.ReactNode;
}

const FailureAlert = React.forwardRef<FailureAlertElement, FailureAlertProps>(function FailureAlert(
  { title, failure, onRetry, retrying, actions },
  ref,
) {
  const messages = useWizardMessages();
  const canRetry = failure?.retryable ?? true;

  return (
    <InlineAlert
      ref={ref}
      variant="error"
      title={title}
      onRetry={canRetry ? onRetry : undefined}
      retrying={retrying}
      actions={actions}
      data-failure-kind={failure?.kind ?? 'unknown'}
    >
      {messages.failure({ kind: failure?.kind ?? 'unknown' })}
    </InlineAlert>
  );
});

FailureAlert.displayName = FAILURE_ALERT_NAME;

export { FailureAlert };
export type { FailureAlertProps };
