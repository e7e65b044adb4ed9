/**
 * `<AwsConnectionWizard/>`: the whole wizard on a host's adapters. It starts the machine, shows
 * the phase the wizard is in (loading, gate, empty state, path choice, the steps, submission)
 * and hands the actor to the steps through context.
 */
import type { Connection, StepId } from '@aws-connection-wizard/core';
import * as Accordion from '@radix-ui/react-accordion';
import * as React from 'react';

import { EmptyState } from './components/EmptyState';
import { InlineAlert } from './components/InlineAlert';
import { Progress } from './components/Progress';
import { Spinner } from './components/Spinner';
import { StepHeader } from './components/StepHeader';
import { MessagesProvider, defaultMessages, type Messages } from './messages';
import { AccessStep } from './steps/AccessStep';
import { ChoosePath } from './steps/ChoosePath';
import { DeployStep } from './steps/DeployStep';
import { DetailsStep } from './steps/DetailsStep';
import { PoliciesStep } from './steps/PoliciesStep';
import { ScopeStep } from './steps/ScopeStep';
import { StepFooter } from './steps/StepFooter';
import { useWizardActorRef, type UseAwsConnectionWizardOptions } from './useAwsConnectionWizard';
import { WizardActorProvider, useWizardSenders, useWizardView } from './WizardContext';
import {
  WizardMessagesProvider,
  defaultAllWizardMessages,
  useWizardMessages,
  type WizardMessages,
} from './wizardMessages';

const WIZARD_NAME = 'AwsConnectionWizard';

export interface AccessLevelOption {
  value: string;
  label: string;
}

export interface AwsConnectionWizardProps extends Omit<
  UseAwsConnectionWizardOptions,
  'accessLevels'
> {
  /** Called once the created connection is active. */
  onComplete?: (connection: Connection) => void;
  /** Shows a *Cancel* button that calls this. */
  onCancel?: () => void;
  /**
   * Connection access levels offered in the User access step, most powerful first.
   * @default Owner, Editor, User
   */
  accessLevels?: readonly AccessLevelOption[];
  /** Where the empty state sends users who have no onboarded management account. */
  onboardingHref?: string;
  /** Replaces any text of the wizard, key by key. */
  messages?: Partial<Messages> &
    Partial<Omit<WizardMessages, 'issues' | 'warnings'>> & {
      issues?: Partial<WizardMessages['issues']>;
      warnings?: Partial<WizardMessages['warnings']>;
    };
  className?: string;
}

export const DEFAULT_ACCESS_LEVEL_OPTIONS: readonly AccessLevelOption[] = [
  { value: 'owner', label: 'Owner' },
  { value: 'editor', label: 'Editor' },
  { value: 'user', label: 'User' },
];

interface WizardSettings {
  accessLevels: readonly AccessLevelOption[];
  onboardingHref?: string;
  onCancel?: () => void;
}

const WizardSettingsContext = React.createContext<WizardSettings>({
  accessLevels: DEFAULT_ACCESS_LEVEL_OPTIONS,
});

export function useWizardSettings(): WizardSettings {
  return React.useContext(WizardSettingsContext);
}

export function AwsConnectionWizard(props: AwsConnectionWizardProps) {
  const {
    accessLevels = DEFAULT_ACCESS_LEVEL_OPTIONS,
    onboardingHref,
    onCancel,
    messages,
    className,
    ...options
  } = props;
  const actorRef = useWizardActorRef({
    ...options,
    accessLevels: accessLevels.map((level) => level.value),
  });
  const componentMessages = React.useMemo(() => ({ ...defaultMessages, ...messages }), [messages]);
  const wizardMessages = React.useMemo<WizardMessages>(
    () => ({
      ...defaultAllWizardMessages,
      ...messages,
      issues: { ...defaultAllWizardMessages.issues, ...messages?.issues },
      warnings: { ...defaultAllWizardMessages.warnings, ...messages?.warnings },
    }),
    [messages],
  );
  const settings = React.useMemo(
    () => ({ accessLevels, onboardingHref, onCancel }),
    [accessLevels, onboardingHref, onCancel],
  );

  return (
    <WizardActorProvider value={actorRef}>
      <MessagesProvider messages={componentMessages}>
        <WizardMessagesProvider value={wizardMessages}>
          <WizardSettingsContext.Provider value={settings}>
            <div
              className={['awcw-root', className].filter(Boolean).join(' ')}
              data-awcw={WIZARD_NAME}
            >
              <WizardBody />
            </div>
          </WizardSettingsContext.Provider>
        </WizardMessagesProvider>
      </MessagesProvider>
    </WizardActorProvider>
  );
}

function WizardBody() {
  const messages = useWizardMessages();
  const phase = useWizardView((view) => view.phase);

  return (
    <section className="awcw-wizard" aria-labelledby="awcw-title">
      <header className="awcw-wizard-header">
        <h2 id="awcw-title" className="awcw-wizard-title">
          {messages.wizardTitle}
        </h2>
        <p className="awcw-wizard-description">{messages.wizardDescription}</p>
      </header>
      <PhaseContent phase={phase} />
    </section>
  );
}

function PhaseContent({ phase }: { phase: ReturnType<typeof useWizardView<string>> }) {
  switch (phase) {
    case 'loading':
      return <LoadingPhase />;
    case 'forbidden':
      return <ForbiddenPhase />;
    case 'startFailed':
      return <StartFailedPhase />;
    case 'noManagementAccounts':
      return <NoManagementAccountsPhase />;
    case 'choosingPath':
      return <ChoosePath />;
    case 'editing':
      return <Steps />;
    case 'submitting':
      return <SubmittingPhase />;
    case 'complete':
      return <CompletePhase />;
    default:
      return null;
  }
}

function LoadingPhase() {
  const messages = useWizardMessages();
  return (
    <div className="awcw-phase awcw-phase-loading">
      <Spinner label={messages.loadingWizard} showLabel />
    </div>
  );
}

function ForbiddenPhase() {
  const messages = useWizardMessages();
  return (
    <EmptyState
      title={messages.forbiddenTitle}
      description={messages.forbiddenDescription}
      headingLevel={3}
    />
  );
}

function StartFailedPhase() {
  const messages = useWizardMessages();
  const failure = useWizardView((view) => view.startFailure);
  const { retryStart } = useWizardSenders();
  return (
    <InlineAlert
      variant="error"
      title={messages.startFailedTitle}
      onRetry={failure?.retryable === false ? undefined : retryStart}
    >
      {messages.failure({ kind: failure?.kind ?? 'unknown' })}
    </InlineAlert>
  );
}

function NoManagementAccountsPhase() {
  const messages = useWizardMessages();
  const { onboardingHref } = useWizardSettings();
  return (
    <EmptyState
      title={messages.noManagementAccountsTitle}
      description={messages.noManagementAccountsDescription}
      headingLevel={3}
      action={
        onboardingHref ? (
          <a className="awcw-button" data-variant="primary" href={onboardingHref}>
            {messages.noManagementAccountsAction}
          </a>
        ) : undefined
      }
    />
  );
}

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

function Steps() {
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

  // When *Next* (or the machine) opens another step, take keyboard focus to that step's header,
  // so focus is not left on a button that has just been hidden.
  const triggers = React.useRef(new Map<StepId, HTMLButtonElement>());
  const shownStep = React.useRef(openStep);
  React.useEffect(() => {
    if (shownStep.current === openStep) return;
    shownStep.current = openStep;
    triggers.current.get(openStep)?.focus();
  }, [openStep]);

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
          {draft === 'saving'
            ? messages.draftSaving
            : draft === 'saved'
              ? messages.draftSaved
              : draft === 'failed'
                ? messages.draftFailed
                : ''}
        </span>
        <StartOver onConfirm={senders.discardDraft} />
      </div>
      <Accordion.Root
        type="single"
        className="awcw-accordion"
        value={openStep}
        onValueChange={(value) => {
          if (value) senders.openStep(value as StepId);
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
              data-step-state={step.isOpen ? 'current' : step.state}
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
                      state={step.isOpen && step.state !== 'invalid' ? 'current' : step.state}
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

/** *Start over* throws away everything entered, so it asks once, in place, before it does. */
function StartOver({ onConfirm }: { onConfirm: () => void }) {
  const messages = useWizardMessages();
  const [asking, setAsking] = React.useState(false);
  const keepRef = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className="awcw-button"
        data-variant="ghost"
        onClick={() => setAsking(true)}
      >
        {messages.discardDraft}
      </button>
    );
  }
  return (
    <span className="awcw-row" role="group" aria-label={messages.discardDraftQuestion}>
      <span>{messages.discardDraftQuestion}</span>
      <button
        ref={keepRef}
        type="button"
        className="awcw-button"
        data-variant="secondary"
        onClick={() => setAsking(false)}
      >
        {messages.discardDraftCancel}
      </button>
      <button type="button" className="awcw-button" data-variant="primary" onClick={onConfirm}>
        {messages.discardDraftConfirm}
      </button>
    </span>
  );
}

function stepsEqual<T extends { steps: unknown[] }>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function SubmittingPhase() {
  const messages = useWizardMessages();
  const submission = useWizardView((view) => view.submission);
  const { retrySubmission } = useWizardSenders();

  if (submission.stage === 'failed') {
    return (
      <InlineAlert
        variant="error"
        title={messages.submissionFailed}
        onRetry={submission.failure?.retryable === false ? undefined : retrySubmission}
      >
        {messages.failure({ kind: submission.failure?.kind ?? 'unknown' })}
      </InlineAlert>
    );
  }
  return (
    <div className="awcw-phase awcw-phase-submitting">
      <Progress
        label={messages.submittingTitle}
        value={submission.stage === 'activating' ? 66 : 33}
      />
      <p className="awcw-hint">{messages.submittingWaiting}</p>
    </div>
  );
}

function CompletePhase() {
  const messages = useWizardMessages();
  const connection = useWizardView((view) => view.submission.connection);
  return (
    <EmptyState
      title={messages.completeTitle}
      description={messages.completeDescription({ name: connection?.name ?? '' })}
      headingLevel={3}
    />
  );
}
