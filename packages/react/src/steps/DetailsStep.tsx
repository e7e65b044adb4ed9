/**
 * Step 1, Details: the connection name (checked for uniqueness as the user types), the IAM role
 * name after its fixed prefix, and an optional description. On the existing-permissions path it
 * also asks which connected management account to reuse.
 */
import { RoleNameField } from '../components/RoleNameField';
import { Spinner } from '../components/Spinner';
import { TextField } from '../components/TextField';
import { useMessages } from '../messages';
import { useWizardSenders, useWizardView } from '../WizardContext';
import { useIssueText, useWizardMessages } from '../wizardMessages';
import { ManagementAccountSelect } from './ManagementAccountSelect';

export function DetailsStep() {
  const messages = useWizardMessages();
  const componentMessages = useMessages();
  const issueText = useIssueText();
  const details = useWizardView((view) => view.details);
  const path = useWizardView((view) => view.path);
  const { changeDetails, retryNameCheck } = useWizardSenders();
  const { nameCheck, issues } = details;

  const nameStatus =
    nameCheck.status === 'pending' ? (
      <Spinner size="small" label={messages.connectionNameChecking} showLabel />
    ) : nameCheck.status === 'available' && !issues['details.connectionName'] ? (
      <span className="awcw-field-status" data-state="valid">
        {messages.connectionNameAvailable}
      </span>
    ) : nameCheck.status === 'failed' ? (
      <span className="awcw-field-status" data-state="warning">
        {messages.connectionNameCheckFailed}{' '}
        <button type="button" className="awcw-link-button" onClick={retryNameCheck}>
          {componentMessages.retry}
        </button>
      </span>
    ) : undefined;

  return (
    <div className="awcw-form">
      {path === 'existingPermissions' ? (
        <ManagementAccountSelect error={issueText(issues.managementAccountId)} />
      ) : null}
      <TextField
        label={messages.connectionNameLabel}
        hint={messages.connectionNameHint}
        value={details.connectionName}
        onValueChange={(value) => changeDetails('connectionName', value)}
        error={issueText(issues['details.connectionName'])}
        pending={nameStatus}
        required
        autoComplete="off"
        spellCheck={false}
        name="connectionName"
      />
      {path === 'existingPermissions' ? null : (
        <>
          <RoleNameField
            label={messages.roleNameLabel}
            hint={messages.roleNameHint}
            value={details.roleNameSuffix}
            onValueChange={(value) => changeDetails('roleNameSuffix', value)}
            error={issueText(issues['details.roleNameSuffix'])}
            required
            autoComplete="off"
            spellCheck={false}
            name="roleName"
          />
          <TextField
            label={messages.descriptionLabel}
            hint={messages.descriptionHint}
            value={details.description}
            onValueChange={(value) => changeDetails('description', value)}
            error={issueText(issues['details.description'])}
            name="description"
          />
        </>
      )}
    </div>
  );
}
