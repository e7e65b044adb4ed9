/**
 * Step 3, Policies and permissions: AWS managed policies to attach, allowed actions to add as an
 * inline policy, and the base permissions the platform always adds, shown read-only.
 */
import * as React from 'react';

import {
  isValidAllowedAction,
  lintAllowedAction,
  loadIamActionCatalogue,
} from '@aws-connection-wizard/core';
import type { IamActionCatalogue } from '@aws-connection-wizard/core';

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
  // The published IAM action names load in a chunk of their own, once, when this step opens.
  const [catalogue, setCatalogue] = React.useState<IamActionCatalogue | null>(null);
  React.useEffect(() => {
    let current = true;
    void loadIamActionCatalogue().then((loaded) => {
      if (current) setCatalogue(loaded);
    });
    return () => {
      current = false;
    };
  }, []);
  const rowWarnings = policies.allowedActions.map((action, row) => {
    const path = `policies.allowedActions.${row}`;
    const known = warnings[path] ?? [];
    // Core's report lints against the catalogue too once it is loaded; before the next
    // snapshot, the step asks core's lint directly so the warnings show without an edit.
    const lint =
      catalogue && isValidAllowedAction(action)
        ? lintAllowedAction(action, catalogue, policies.managedPolicyArns).filter(
            (warning) => !known.some((other) => other.code === warning.code),
          )
        : [];
    return action.trim() === '' ? [] : [...known, ...lint].map(warningText);
  });
  const managedPolicyError =
    issueText(issues['policies.managedPolicyArns']) ??
    issueText(
      Object.entries(issues).find(([field]) =>
        field.startsWith('policies.managedPolicyArns.'),
      )?.[1],
    );
  const baseActions = policies.basePermissions.flatMap((permission) => permission.actions);

  return (
    <div className="awcw-form">
      {issues.policies ? (
        <p className="awcw-field-error" role="alert">
          {issueText(issues.policies)}
        </p>
      ) : null}
      <section className="awcw-section" aria-labelledby="awcw-managed-policies-title">
        <h4 id="awcw-managed-policies-title" className="awcw-section-title">
          {messages.managedPoliciesTitle}
        </h4>
        <p className="awcw-hint">{messages.managedPoliciesHint}</p>
        {available.status === 'failed' ? (
          <InlineAlert variant="warning" onRetry={senders.retryManagedPolicies}>
            {messages.managedPoliciesFailed}
          </InlineAlert>
        ) : null}
        <ManagedPolicyPicker
          aria-labelledby="awcw-managed-policies-title"
          policies={available.value}
          value={policies.managedPolicyArns}
          onValueChange={senders.setManagedPolicies}
          max={policies.quota}
          loading={available.status === 'loading'}
          error={managedPolicyError}
        />
      </section>
      <section className="awcw-section" aria-labelledby="awcw-allowed-actions-title">
        <h4 id="awcw-allowed-actions-title" className="awcw-section-title">
          {messages.allowedActionsTitle}
        </h4>
        <p className="awcw-hint">{messages.allowedActionsHint}</p>
        <AllowedActionsEditor
          aria-labelledby="awcw-allowed-actions-title"
          value={policies.allowedActions}
          onValueChange={senders.setAllowedActions}
          errors={rowErrors}
          warnings={rowWarnings}
          baseActions={baseActions}
          minRows={0}
        />
      </section>
    </div>
  );
}
