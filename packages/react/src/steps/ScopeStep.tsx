/**
 * Step 2, Scope: the management account, its organisation tree with tri-state selection and
 * exclusions, the management-account prompt, the choice about accounts picked one by one, and
 * the live summary of what the deployment will reach. Every state shown comes from core's plan.
 */
import * as RadioGroup from '@radix-ui/react-radio-group';
import * as React from 'react';

import { InlineAlert } from '../components/InlineAlert';
import { ManagementAccountPrompt } from '../components/ManagementAccountPrompt';
import { OrganizationTree } from '../components/OrganizationTree';
import { ScopeSummary } from '../components/ScopeSummary';
import { Spinner } from '../components/Spinner';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useIssueText, useWizardMessages } from '../wizardMessages';
import { ManagementAccountSelect } from './ManagementAccountSelect';

export function ScopeStep() {
  const messages = useWizardMessages();
  const issueText = useIssueText();
  const scope = useWizardView((view) => view.scope);
  const senders = useWizardSenders();
  const { index, scopeView, plan, organization, issues } = scope;
  const getNodeScope = React.useCallback((id: string) => scopeView!.nodeScope(id), [scopeView]);

  return (
    <div className="awcw-form">
      <ManagementAccountSelect error={issueText(issues.managementAccountId)} />
      {organization.status === 'loading' ? (
        <Spinner label={messages.organizationLoading} showLabel />
      ) : null}
      {organization.status === 'failed' ? (
        <InlineAlert
          variant="error"
          title={messages.organizationFailed}
          onRetry={senders.retryOrganization}
        >
          {messages.failure({ kind: organization.failure?.kind ?? 'unknown' })}
        </InlineAlert>
      ) : null}
      {index && scopeView && plan ? (
        <>
          <p className="awcw-hint">{messages.scopeTreeHint}</p>
          <OrganizationTree
            index={index}
            getNodeScope={getNodeScope}
            onToggle={senders.toggleScopeNode}
            aria-invalid={issues['scope.selected'] ? true : undefined}
            aria-describedby={issues['scope.selected'] ? 'awcw-scope-error' : undefined}
          />
          {issues['scope.selected'] ? (
            <p id="awcw-scope-error" className="awcw-field-error" role="alert">
              {issueText(issues['scope.selected'])}
            </p>
          ) : null}
          {plan.managementAccount.coverage === 'ancestor' ? (
            <ManagementAccountPrompt
              value={plan.managementAccount.decision}
              onValueChange={senders.decideManagementAccount}
              managementAccountName={index.nodes.get(index.managementAccountId)?.name}
              error={issueText(issues['scope.managementAccount'])}
            />
          ) : null}
          {scope.hasPickedAccounts ? (
            <PickedAccountsChoice
              value={scope.selection.pickedAccountsAutoDeployment}
              onValueChange={senders.setPickedAccountsAutoDeployment}
            />
          ) : null}
          <ScopeSummary plan={plan} index={index} headingLevel={4} />
        </>
      ) : null}
    </div>
  );
}

interface PickedAccountsChoiceProps {
  value: 'off' | 'on';
  onValueChange: (value: 'off' | 'on') => void;
}

function PickedAccountsChoice({ value, onValueChange }: PickedAccountsChoiceProps) {
  const messages = useWizardMessages();
  const titleId = React.useId();
  const options = [
    {
      value: 'off',
      label: messages.pickedAccountsOff,
      description: messages.pickedAccountsOffDescription,
    },
    {
      value: 'on',
      label: messages.pickedAccountsOn,
      description: messages.pickedAccountsOnDescription,
    },
  ] as const;

  return (
    <fieldset className="awcw-choice" aria-labelledby={titleId}>
      <legend id={titleId} className="awcw-choice-title">
        {messages.pickedAccountsTitle}
      </legend>
      <RadioGroup.Root
        className="awcw-radio-group"
        value={value}
        onValueChange={(next) => onValueChange(next as 'off' | 'on')}
        aria-labelledby={titleId}
      >
        {options.map((option) => {
          const id = `${titleId}-${option.value}`;
          return (
            <div key={option.value} className="awcw-radio-option">
              <RadioGroup.Item
                id={id}
                value={option.value}
                className="awcw-radio"
                aria-describedby={`${id}-description`}
              >
                <RadioGroup.Indicator className="awcw-radio-indicator" />
              </RadioGroup.Item>
              <div>
                <label htmlFor={id} className="awcw-radio-label">
                  {option.label}
                </label>
                <p id={`${id}-description`} className="awcw-hint">
                  {option.description}
                </p>
              </div>
            </div>
          );
        })}
      </RadioGroup.Root>
    </fieldset>
  );
}
