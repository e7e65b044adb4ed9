/**
 * The steps as an accordion: one open at a time, each header with its number, title and state
 * as core reports them. Opening a step asks the machine, which refuses steps not reachable yet.
 */
import type { StepId } from '@aws-connection-wizard/core';
import * as Accordion from '@radix-ui/react-accordion';
import * as React from 'react';

import { StepHeader } from '../components/StepHeader';
import { AccessStep } from '../steps/AccessStep';
import { DeployStep } from '../steps/DeployStep';
import { DetailsStep } from '../steps/DetailsStep';
import { PoliciesStep } from '../steps/PoliciesStep';
import { ScopeStep } from '../steps/ScopeStep';
import { StepFooter } from '../steps/StepFooter';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useWizardFocus } from '../WizardFocus';
import { useWizardMessages, type WizardMessages } from '../wizardMessages';
import { StartOver } from './StartOver';

const STEP_COMPONENTS: Record<StepId, React.ComponentType> = {
  details: DetailsStep,
  scope: ScopeStep,
  policies: PoliciesStep,
  deploy: DeployStep,
  access: AccessStep,
};

const STEP_TITLE_KEYS = {
  details: 'stepTitleDetails',
  scope: 'stepTitleScope',
  policies: 'stepTitlePolicies',
  deploy: 'stepTitleDeploy',
  access: 'stepTitleAccess',
} as const satisfies Record<StepId, keyof WizardMessages>;

const DRAFT_STATUS_KEYS = {
  idle: null,
  saving: 'draftSaving',
  saved: 'draftSaved',
  failed: 'draftFailed',
} as const satisfies Record<string, keyof WizardMessages | null>;

export function StepsPhase() {
  const messages = useWizardMessages();
  const { steps, openStep, canChangePath, draft } = useWizardView(
    (view) => ({
      steps: view.steps,
      openStep: view.openStep,
      canChangePath: view.canChangePath,
      draft: view.draft.status,
    }),
    stepsEqual,
  );
  const senders = useWizardSenders();
  const draftStatus = DRAFT_STATUS_KEYS[draft];

  // When *Next* (or the machine) opens another step, take keyboard focus to that step's header,
  // so focus is not left on a button that has just been hidden.
  const triggers = React.useRef(new Map<StepId, HTMLButtonElement>());
  const shownStep = React.useRef(openStep);
  React.useEffect(() => {
    if (shownStep.current === openStep) return;
    shownStep.current = openStep;
    triggers.current.get(openStep)?.focus();
  }, [openStep]);
  // The steps replace what was on screen (the path choice, the submission): if focus went with
  // it, it goes to the open step's header the same way.
  const focus = useWizardFocus();
  React.useEffect(() => {
    if (focus.wasLost()) triggers.current.get(shownStep.current)?.focus();
  }, [focus]);

  return (
    <>
      <div className="awcw-toolbar">
        {canChangePath ? (
          <button
            type="button"
            className="awcw-button"
            data-variant="ghost"
            onClick={senders.changePath}
          >
            {messages.changePath}
          </button>
        ) : null}
        <span className="awcw-draft-status" role="status">
          {draftStatus ? messages[draftStatus] : ''}
        </span>
        <StartOver onConfirm={senders.discardDraft} />
      </div>
      <Accordion.Root
        type="single"
        className="awcw-accordion"
        value={openStep}
        onValueChange={(value) => {
          // Radix reports the item's value, one of the ids rendered below; an empty value
          // (closing the open item) is ignored, since one step is always open.
          const step = steps.find((candidate) => candidate.id === value);
          if (step) senders.openStep(step.id);
        }}
      >
        {steps.map((step) => {
          const StepContent = STEP_COMPONENTS[step.id];
          return (
            <Accordion.Item
              key={step.id}
              value={step.id}
              className="awcw-accordion-item"
              disabled={!step.isReachable && !step.isOpen}
              data-step-state={step.state}
            >
              <Accordion.Header asChild>
                <h3 className="awcw-accordion-header">
                  <Accordion.Trigger
                    className="awcw-accordion-trigger"
                    ref={(element) => {
                      if (element) triggers.current.set(step.id, element);
                      else triggers.current.delete(step.id);
                    }}
                  >
                    <StepHeader
                      number={step.number}
                      title={messages[STEP_TITLE_KEYS[step.id]]}
                      state={step.state}
                      errorCount={step.issueCount}
                    />
                  </Accordion.Trigger>
                </h3>
              </Accordion.Header>
              <Accordion.Content className="awcw-accordion-content">
                <StepContent />
                <StepFooter step={step} />
              </Accordion.Content>
            </Accordion.Item>
          );
        })}
      </Accordion.Root>
    </>
  );
}

function stepsEqual<T extends { steps: unknown[] }>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
