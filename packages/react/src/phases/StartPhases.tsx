/**
 * The phases around the steps that hold no form: loading, the permission gate, a failed start,
 * the empty state without an onboarded management account, and the created connection.
 */
import { EmptyState } from '../components/EmptyState';
import { FailureAlert } from '../components/FailureAlert';
import { Spinner } from '../components/Spinner';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useWizardMessages } from '../wizardMessages';
import { useWizardSettings } from '../WizardSettings';

export function LoadingPhase() {
  const messages = useWizardMessages();
  return (
    <div className="awcw-phase awcw-phase-loading">
      <Spinner label={messages.loadingWizard} showLabel />
    </div>
  );
}

export function ForbiddenPhase() {
  const messages = useWizardMessages();
  return (
    <EmptyState
      title={messages.forbiddenTitle}
      description={messages.forbiddenDescription}
      headingLevel={3}
    />
  );
}

export function StartFailedPhase() {
  const messages = useWizardMessages();
  const failure = useWizardView((view) => view.startFailure);
  const { retryStart } = useWizardSenders();
  return <FailureAlert title={messages.startFailedTitle} failure={failure} onRetry={retryStart} />;
}

export function NoManagementAccountsPhase() {
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

export function CompletePhase() {
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
