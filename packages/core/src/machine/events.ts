/**
 * Everything a UI (or a script) can tell the wizard. Names say what the user did or asked for.
 */
import type {
  AccessEntry,
  Connection,
  ConnectionPath,
  DeployTab,
  ManagementAccountDecision,
  StepId,
} from '../model/values';

export type DetailsField = 'connectionName' | 'roleNameSuffix' | 'description';
export type AccessField = 'email' | 'level';

export type WizardEvent =
  | { type: 'wizard.retry' }
  | { type: 'path.choose'; path: ConnectionPath }
  | { type: 'path.change' }
  | { type: 'step.open'; step: StepId }
  | { type: 'step.next' }
  | { type: 'details.change'; field: DetailsField; value: string }
  | { type: 'nameCheck.retry' }
  | { type: 'managementAccount.select'; accountId: string }
  | { type: 'organization.retry' }
  | { type: 'scope.toggle'; nodeId: string }
  | { type: 'scope.clear' }
  | { type: 'scope.setPickedAccountsAutoDeployment'; value: 'off' | 'on' }
  | { type: 'managementAccount.decide'; decision: ManagementAccountDecision }
  | { type: 'policies.addManagedPolicy'; arn: string }
  | { type: 'policies.removeManagedPolicy'; arn: string }
  | { type: 'policies.retry' }
  | { type: 'policies.addAction' }
  | { type: 'policies.changeAction'; index: number; value: string }
  | { type: 'policies.removeAction'; index: number }
  /** Replaces every allowed-action row at once, for editors that manage rows themselves. */
  | { type: 'policies.setAllowedActions'; allowedActions: string[] }
  | { type: 'policies.setManagedPolicies'; managedPolicyArns: string[] }
  | { type: 'deploy.selectTab'; tab: DeployTab }
  | { type: 'deploy.changeRegion'; region: string }
  | { type: 'deploy.check' }
  /** Reads the deployment prerequisites again, e.g. after the user turned trusted access on. */
  | { type: 'prerequisites.check' }
  | { type: 'settings.retry' }
  | { type: 'access.add' }
  | { type: 'access.change'; index: number; field: AccessField; value: string }
  | { type: 'access.remove'; index: number }
  /** The user is done with a row's email (left the field or chose a suggestion): check it. */
  | { type: 'access.commit'; index: number }
  /** Replaces every row at once, for editors that manage rows themselves. */
  | { type: 'access.set'; entries: AccessEntry[] }
  | { type: 'access.search'; query: string }
  | { type: 'wizard.finish' }
  | { type: 'submission.retry' }
  /** Back to the steps from a failed or long-running submission, every value kept. */
  | { type: 'submission.edit' }
  | { type: 'draft.discard' };

/** Emitted to listeners (`actor.on(...)`) when the connection is active. */
export type WizardEmitted = { type: 'connection.created'; connection: Connection };
