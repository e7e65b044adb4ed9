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
          <WizardSettingsProvider value={settings}>
            <div
              className={['awcw-root', className].filter(Boolean).join(' ')}
              data-awcw={WIZARD_NAME}
            >
              <WizardBody />
            </div>
          </WizardSettingsProvider>
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
