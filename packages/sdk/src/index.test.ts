import * as sdk from './index';

describe('given the sdk’s browser entry', () => {
  it('should export exactly its public runtime values', () => {
    expect(Object.keys(sdk).sort()).toEqual([
      'ADAPTER_ERROR_KINDS',
      'AdapterError',
      'CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID',
      'CONTOSO_HEALTH_ORGANIZATION',
      'DEFAULT_ADAPTER_TIMEOUT_MS',
      'DEFAULT_DRAFT_KEY',
      'NORTHWIND_MANAGEMENT_ACCOUNT_ID',
      'NORTHWIND_ORGANIZATION',
      'NO_MANAGEMENT_ACCOUNTS',
      'SAMPLE_CURRENT_USER',
      'SAMPLE_MANAGEMENT_ACCOUNTS',
      'SAMPLE_ORGANIZATIONS',
      'SAMPLE_TRUSTED_ACCOUNT_ID',
      'SAMPLE_USERS',
      'bindAdapters',
      'createHttpAdapters',
      'createInMemoryAdapters',
      'externalIdFor',
      'findOrganizationProblems',
      'fromAwsOrganizationJson',
      'isAdapterError',
      'localStorageDraftStore',
      'memoryDraftStore',
      'toAwsOrganizationJson',
    ]);
  });
});
