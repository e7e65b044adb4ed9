/**
 * Chooses the management account among those the platform has onboarded. A native select: it is
 * keyboard and screen-reader friendly everywhere, and the list is short.
 */
import * as React from 'react';

import { Field } from '../components/Field';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useWizardMessages } from '../wizardMessages';

export interface ManagementAccountSelectProps {
  /** Offer only accounts the platform is already connected to (the existing-permissions path). */
  connectedOnly?: boolean;
  error?: string;
}

export function ManagementAccountSelect({
  connectedOnly = false,
  error,
}: ManagementAccountSelectProps) {
  const messages = useWizardMessages();
  const { accounts, selectedId } = useWizardView((view) => ({
    accounts: view.managementAccounts,
    selectedId: view.scope.managementAccountId,
  }));
  const { selectManagementAccount } = useWizardSenders();
  const offered = React.useMemo(
    () => accounts.filter((account) => !connectedOnly || account.connected),
    [accounts, connectedOnly],
  );

  return (
    <Field
      label={messages.managementAccountLabel}
      hint={messages.managementAccountHint}
      error={error}
      required
    >
      {(control) => (
        <select
          {...control}
          className="awcw-select"
          value={selectedId ?? ''}
          onChange={(event) => {
            if (event.target.value) selectManagementAccount(event.target.value);
          }}
        >
          <option value="" disabled>
            {messages.managementAccountPlaceholder}
          </option>
          {offered.map((account) => (
            <option key={account.accountId} value={account.accountId}>
              {account.name} ({account.accountId})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
