/**
 * Step 3, Policies and permissions: AWS managed policies to attach, allowed actions to add as an
 * inline policy, and the base permissions the platform always adds, shown read-only.
 */
import { AllowedActionsEditor } from '../components/AllowedActionsEditor';
import { InlineAlert } from '../components/InlineAlert';
import { ManagedPolicyPicker } from '../components/ManagedPolicyPicker';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useIssueText, useWarningText, useWizardMessages } from '../wizardMessages';

export function PoliciesStep() {
  const messages = useWizardMessages();
  const issueText = useIssueText();
  const warningText = useWarningText();
  const policies = useWizardView((view) => view.policies);
  const senders = useWizardSenders();
  const { issues, warnings, available } = policies;

  const rowErrors = policies.allowedActions.map((_, row) =>
    issueText(issues[`policies.allowedActions.${row}`]),
  );
  const rowWarnings = policies.allowedActions.map((_, row) =>
    (warnings[`policies.allowedActions.${row}`] ?? []).map(warningText),
  );
  const managedPolicyError =
    issueText(issues['policies.managedPolicyArns']) ??
    issueText(
      Object.entries(issues).find(([field]) =>
        field.startsWith('policies.managedPolicyArns.'),
      )?.[1],
    );
  // Risks of attached policies, by the policy they are about (a warning does not block).
  const managedPolicyWarnings = policies.managedPolicyArns.flatMap((arn, row) =>
    (warnings[`policies.managedPolicyArns.${row}`] ?? []).map((warning) => ({
      arn,
      text: warningText(warning),
    })),
  );
  const baseActions = policies.basePermissions.flatMap((permission) => permission.actions);

  return (
    <div className="awcw-form">
      {issues.policies ? (
        <p className="awcw-field-error" role="alert">
          {issueText(issues.policies)}
        </p>
      ) : null}
      {available.status === 'failed' ? (
        <InlineAlert variant="warning" onRetry={senders.retryManagedPolicies}>
          {messages.managedPoliciesFailed}
        </InlineAlert>
      ) : null}
      {/* Each group's legend is its section heading: one title per section, which also names it. */}
      <ManagedPolicyPicker
        className="awcw-section"
        label={messages.managedPoliciesTitle}
        hint={messages.managedPoliciesHint}
        headingLevel={4}
        policies={available.value}
        value={policies.managedPolicyArns}
        onValueChange={senders.setManagedPolicies}
        max={policies.quota}
        loading={available.status === 'loading'}
        error={managedPolicyError}
      />
      {managedPolicyWarnings.length > 0 ? (
        <ul className="awcw-field-warnings">
          {managedPolicyWarnings.map(({ arn, text }) => (
            <li key={`${arn} ${text}`}>
              <span className="awcw-mono">{arn.slice(arn.lastIndexOf('/') + 1)}</span>: {text}
            </li>
          ))}
        </ul>
      ) : null}
      <AllowedActionsEditor
        className="awcw-section"
        label={messages.allowedActionsTitle}
        hint={messages.allowedActionsHint}
        headingLevel={4}
        value={policies.allowedActions}
        onValueChange={senders.setAllowedActions}
        errors={rowErrors}
        warnings={rowWarnings}
        error={issueText(issues['policies.allowedActions'])}
        baseActions={baseActions}
        minRows={0}
      />
    </div>
  );
}
