/**
 * The buttons under a step: *Next*, or *Finish connection* on the last step, and *Cancel* when
 * the host allows it. *Next* stays enabled: pressing it on an incomplete step shows what is
 * missing at each field instead of a silent disabled button.
 */
import type { StepView } from '@aws-connection-wizard/core';

import { useWizardSettings } from '../WizardSettings';
import { Spinner } from '../components/Spinner';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useWizardMessages } from '../wizardMessages';

export function StepFooter({ step }: { step: StepView }) {
  const messages = useWizardMessages();
  const { onCancel } = useWizardSettings();
  const isLastStep = useWizardView((view) => view.isLastStep);
  const senders = useWizardSenders();

  return (
    <div className="awcw-accordion-footer">
      {onCancel ? (
        <button type="button" className="awcw-button" data-variant="ghost" onClick={onCancel}>
          {messages.cancel}
        </button>
      ) : null}
      {step.isPending ? <Spinner size="small" label={messages.loadingWizard} /> : null}
      <button
        type="button"
        className="awcw-button"
        data-variant="primary"
        onClick={isLastStep ? senders.finish : senders.next}
      >
        {isLastStep ? messages.finish : messages.next}
      </button>
    </div>
  );
}
