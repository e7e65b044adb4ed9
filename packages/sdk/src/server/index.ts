/**
 * `@aws-connection-wizard/sdk/server`: the Node-only part of the sdk. The AWS SDK v3 adapter,
 * the REST contract's request handlers, the connection store on SQLite and the authorisation
 * rules. Browser code never imports this entry.
 */
export { DEFAULT_MAX_BODY_BYTES, createConnectionHandlers } from './handlers';
export type { ConnectionHandlersOptions } from './handlers';
export {
  DEFAULT_ACCESS_RULES,
  accessLevelOf,
  canAccessConnection,
  canCreateConnection,
} from './authorization';
export type { AccessRules, Caller, ConnectionAction } from './authorization';
export { checkConnection } from './checkConnection';
export type { CheckConnectionOptions, ConnectionCheck } from './checkConnection';
export { connectionNameKey, roleNameKey } from './storage/store';
export type { ConnectionStore, InsertConnectionResult, NewConnectionRecord } from './storage/store';
export { createSqliteConnectionStore } from './storage/sqliteStore';
export type { SqliteConnectionStore, SqliteConnectionStoreOptions } from './storage/sqliteStore';
export { createAwsSdkAdapter, environmentClients } from './aws/awsSdkAdapter';
export type { AwsSdkAdapterOptions, ManagementAccountClients } from './aws/awsSdkAdapter';
export {
  ORGANIZATIONS_MAX_RESULTS,
  createOrganizationsClient,
  readOrganizationFromAws,
} from './aws/readOrganization';
export type { ReadOrganizationOptions } from './aws/readOrganization';
export {
  managementStackResult,
  readDeploymentStatus,
  toAccountResults,
} from './aws/deploymentStatus';
export type { DeploymentCheckInput, ReadDeploymentStatusOptions } from './aws/deploymentStatus';
export { readDeploymentPrerequisites, readTrustedAccess } from './aws/prerequisites';
export type { ReadPrerequisitesOptions } from './aws/prerequisites';
export { createLimiter, isThrottlingError, withThrottlingRetries } from './aws/throttle';
export type { Limiter, RetryOptions } from './aws/throttle';
export { toAdapterError } from './aws/errors';
export { seedEmulatorOrganization } from './aws/seedEmulator';
export type { SeededOrganization } from './aws/seedEmulator';
