/**
 * Chooses the management account among those core offers on the current path (onboarded ones;
 * on the existing-permissions path, connected ones). A native select: it is keyboard and
 * screen-reader friendly everywhere, and the list is short.
 */
import { Field } from '../components/Field';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useWizardMessages } from '../wizardMessages';

export interface ManagementAccountSelectProps {
  error?: string;
}

export function ManagementAccountSelect({ error }: ManagementAccountSelectProps) {
  const messages = useWizardMessages();
  const { offered, selectedId } = useWizardView((view) => ({
    offered: view.managementAccountOptions,
    selectedId: view.scope.managementAccountId,
  }));
  const { selectManagementAccount } = useWizardSenders();

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
