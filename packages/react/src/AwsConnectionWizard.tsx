/**
 * `<AwsConnectionWizard/>`: the whole wizard on a host's adapters. It starts the machine, shows
 * the phase the wizard is in (loading, gate, empty state, path choice, the steps, submission)
 * and hands the actor to the steps through context.
 */
import type { Connection, WizardPhase } from '@aws-connection-wizard/core';
import * as React from 'react';

import { MessagesProvider, defaultMessages, type Messages } from './messages';
import {
  CompletePhase,
  ForbiddenPhase,
  LoadingPhase,
  NoManagementAccountsPhase,
  StartFailedPhase,
} from './phases/StartPhases';
import { StepsPhase } from './phases/StepsPhase';
import { SubmittingPhase } from './phases/SubmittingPhase';
import { ChoosePath } from './steps/ChoosePath';
import { useWizardActorRef, type UseAwsConnectionWizardOptions } from './useAwsConnectionWizard';
import { WizardActorProvider, useWizardView } from './WizardContext';
import { WizardFocusProvider, useWizardFocus, useWizardFocusTracker } from './WizardFocus';
import {
  WizardMessagesProvider,
  defaultAllWizardMessages,
  useWizardMessages,
  type WizardMessages,
} from './wizardMessages';
import {
  DEFAULT_ACCESS_LEVEL_OPTIONS,
  WizardSettingsProvider,
  type AccessLevelOption,
} from './WizardSettings';

const WIZARD_NAME = 'AwsConnectionWizard';

export interface AwsConnectionWizardProps extends Omit<
  UseAwsConnectionWizardOptions,
  'accessLevels'
> {
  /** Called once the created connection is active. */
  onComplete?: (connection: Connection) => void;
  /**
   * Shows a *Cancel* button under the steps, and *Close* while the connection is being
   * created (the draft brings the submission back on the next visit).
   */
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
  /**
   * Takes keyboard focus to the wizard's title when it mounts, so a host that shows the wizard
   * from a button (which often disappears with it) leaves the keyboard user in the wizard.
   * Turn it off when the wizard is part of a page from the start.
   * @default true
   */
  autoFocus?: boolean;
}

export function AwsConnectionWizard(props: AwsConnectionWizardProps) {
  const {
    accessLevels = DEFAULT_ACCESS_LEVEL_OPTIONS,
    onboardingHref,
    onCancel,
    messages,
    className,
    autoFocus = true,
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
  const focus = useWizardFocusTracker();
  const settings = React.useMemo(
    () => ({ accessLevels, onboardingHref, onCancel }),
    [accessLevels, onboardingHref, onCancel],
  );

  return (
    <WizardActorProvider value={actorRef}>
      <MessagesProvider messages={componentMessages}>
        <WizardMessagesProvider value={wizardMessages}>
          <WizardSettingsProvider value={settings}>
            <WizardFocusProvider value={focus}>
              <div
                className={['awcw-root', className].filter(Boolean).join(' ')}
                data-awcw={WIZARD_NAME}
                onFocus={(event) => focus.track(event.target)}
              >
                <WizardBody focusOnMount={autoFocus} />
              </div>
            </WizardFocusProvider>
          </WizardSettingsProvider>
        </WizardMessagesProvider>
      </MessagesProvider>
    </WizardActorProvider>
  );
}

function WizardBody(props: { focusOnMount: boolean }) {
  const messages = useWizardMessages();
  const phase = useWizardView((view) => view.phase);
  const title = React.useRef<HTMLHeadingElement>(null);
  const focus = useWizardFocus();

  // Mount only: `autoFocus` says where focus starts, as it does on an input.
  const focusOnMount = React.useRef(props.focusOnMount);
  React.useEffect(() => {
    if (focusOnMount.current) title.current?.focus();
  }, []);
  // Each phase replaces the one before; when the control that had focus went with it (and the
  // phase did not take focus itself, as the steps do), the title keeps it in the wizard.
  const shownPhase = React.useRef(phase);
  React.useEffect(() => {
    if (shownPhase.current === phase) return;
    shownPhase.current = phase;
    if (focus.wasLost()) title.current?.focus();
  }, [phase, focus]);

  return (
    <section className="awcw-wizard" aria-labelledby="awcw-title">
      <header className="awcw-wizard-header">
        <h2 id="awcw-title" ref={title} tabIndex={-1} className="awcw-wizard-title">
          {messages.wizardTitle}
        </h2>
        <p className="awcw-wizard-description">{messages.wizardDescription}</p>
      </header>
      <PhaseContent phase={phase} />
    </section>
  );
}

const PHASE_COMPONENTS: Record<WizardPhase, React.ComponentType> = {
  loading: LoadingPhase,
  forbidden: ForbiddenPhase,
  startFailed: StartFailedPhase,
  noManagementAccounts: NoManagementAccountsPhase,
  choosingPath: ChoosePath,
  editing: StepsPhase,
  submitting: SubmittingPhase,
  complete: CompletePhase,
};

function PhaseContent({ phase }: { phase: WizardPhase }) {
  const Phase = PHASE_COMPONENTS[phase];
  return <Phase />;
}
