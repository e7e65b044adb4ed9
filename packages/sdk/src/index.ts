/**
 * The sdk's browser-safe entry: adapter interfaces, their binding to the wizard machine, the
 * in-memory default backend with sample data, draft stores, and the HTTP adapter for a host's
 * backend. No Node imports here.
 */
export type {
  AdapterCallOptions,
  AwsAdapter,
  ConnectionsAdapter,
  DirectoryAdapter,
  DraftCallOptions,
  DraftStore,
  WizardAdapters,
} from './adapters';
export { ADAPTER_ERROR_KINDS, AdapterError, isAdapterError } from './errors';
export type { AdapterErrorKind, AdapterErrorOptions } from './errors';
export { DEFAULT_ADAPTER_TIMEOUT_MS, bindAdapters } from './bind';
export { createHttpAdapters } from './http/httpAdapters';
export type { HttpAdapters, HttpAdaptersOptions } from './http/httpAdapters';
export type { BindAdaptersOptions, WizardActorImplementations } from './bind';
export { findOrganizationProblems } from './validation';
export { DEFAULT_DRAFT_KEY, localStorageDraftStore, memoryDraftStore } from './drafts';
export type { LocalStorageDraftStoreOptions } from './drafts';
export { SAMPLE_TRUSTED_ACCOUNT_ID, createInMemoryAdapters } from './memory/inMemoryAdapters';
export type {
  FaultPlan,
  FaultSpec,
  InMemoryAdapters,
  InMemoryAdaptersOptions,
  InMemoryMethod,
} from './memory/inMemoryAdapters';
export { SAMPLE_CURRENT_USER, SAMPLE_USERS } from './memory/users';
export { externalIdFor } from './memory/simulation';
export {
  CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
  CONTOSO_HEALTH_ORGANIZATION,
} from './samples/contosoHealth';
export { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from './samples/northwind';
export {
  NO_MANAGEMENT_ACCOUNTS,
  SAMPLE_MANAGEMENT_ACCOUNTS,
  SAMPLE_ORGANIZATIONS,
} from './samples/managementAccounts';
export { fromAwsOrganizationJson, toAwsOrganizationJson } from './samples/awsJson';
export type { AwsOrganizationJson } from './samples/awsJson';
