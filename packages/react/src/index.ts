'use client';

export { AwsConnectionWizard } from './AwsConnectionWizard';
export type { AwsConnectionWizardProps } from './AwsConnectionWizard';
export { DEFAULT_ACCESS_LEVEL_OPTIONS } from './WizardSettings';
export type { AccessLevelOption } from './WizardSettings';
export { useAwsConnectionWizard } from './useAwsConnectionWizard';
export type {
  UseAwsConnectionWizardOptions,
  UseAwsConnectionWizardResult,
} from './useAwsConnectionWizard';
export { useWizardSenders, useWizardView } from './WizardContext';
export { MessagesProvider, defaultMessages, useMessages } from './messages';
export type { Messages } from './messages';
export {
  defaultIssueMessages,
  defaultWarningMessages,
  defaultWizardMessages,
} from './wizardMessages';
export type { IssueCode, WarningCode, WizardMessages } from './wizardMessages';
export { AccessEditor } from './components/AccessEditor';
export { AllowedActionsEditor } from './components/AllowedActionsEditor';
export { CommandBlock } from './components/CommandBlock';
export { DeploymentResults } from './components/DeploymentResults';
export { ManagedPolicyPicker } from './components/ManagedPolicyPicker';
export { ManagementAccountPrompt } from './components/ManagementAccountPrompt';
export { OrganizationTree } from './components/OrganizationTree';
export { ScopeSummary } from './components/ScopeSummary';
export type { AccessEditorProps } from './components/AccessEditor';
export type { AllowedActionsEditorProps } from './components/AllowedActionsEditor';
export type { CommandBlockProps } from './components/CommandBlock';
export type { DeploymentResultsProps } from './components/DeploymentResults';
export type { ManagedPolicyPickerProps } from './components/ManagedPolicyPicker';
export type { ManagementAccountPromptProps } from './components/ManagementAccountPrompt';
export type { OrganizationTreeProps } from './components/OrganizationTree';
export type { ScopeSummaryProps } from './components/ScopeSummary';
