/**
 * The buttons under a step: *Next*, or *Finish connection* on the last step, and *Cancel* when
 * the host allows it. *Next* stays enabled: pressing it on an incomplete step shows what is
 * missing at each field instead of a silent disabled button, and takes focus to the first of
 * those fields.
 */
import type { StepView } from '@aws-connection-wizard/core';
import * as React from 'react';

import { useWizardSettings } from '../WizardSettings';
import { Spinner } from '../components/Spinner';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useWizardMessages } from '../wizardMessages';

export function StepFooter({ step }: { step: StepView }) {
  const messages = useWizardMessages();
  const { onCancel } = useWizardSettings();
  const isLastStep = useWizardView((view) => view.isLastStep);
  const senders = useWizardSenders();
  const footer = React.useRef<HTMLDivElement>(null);

  // Once the step has answered a press (when a check it waits for is done), focus goes to its
  // first invalid field; a step that opened another leaves focus to the header that opens.
  const [presses, setPresses] = React.useState(0);
  const answering = React.useRef(false);
  React.useEffect(() => {
    if (!answering.current || step.isPending) return;
    answering.current = false;
    if (!step.isOpen || step.issueCount === 0) return;
    footer.current
      ?.closest('.awcw-accordion-item')
      ?.querySelector<HTMLElement>('[aria-invalid="true"]')
      ?.focus();
  }, [presses, step.isPending, step.isOpen, step.issueCount]);

  return (
    <div className="awcw-accordion-footer" ref={footer}>
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
        onClick={() => {
          answering.current = true;
          setPresses((count) => count + 1);
          if (isLastStep) senders.finish();
          else senders.next();
        }}
      >
        {isLastStep ? messages.finish : messages.next}
      </button>
    </div>
  );
}
