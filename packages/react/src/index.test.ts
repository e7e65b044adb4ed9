/**
 * The package's public runtime surface, listed on purpose: a component or hook exported by
 * accident (or dropped) fails here, and the change shows up in review as an edit to this list.
 */
import * as react from '@aws-connection-wizard/react';

describe('given the react package entry', () => {
  it('should export exactly its documented runtime values', () => {
    expect(Object.keys(react).sort()).toEqual([
      'AccessEditor',
      'AllowedActionsEditor',
      'AwsConnectionWizard',
      'CommandBlock',
      'DEFAULT_ACCESS_LEVEL_OPTIONS',
      'DeploymentResults',
      'ManagedPolicyPicker',
      'ManagementAccountPrompt',
      'MessagesProvider',
      'OrganizationTree',
      'ScopeSummary',
      'defaultIssueMessages',
      'defaultMessages',
      'defaultWarningMessages',
      'defaultWizardMessages',
      'useAwsConnectionWizard',
      'useMessages',
      'useWizardSenders',
      'useWizardView',
    ]);
  });
});
