import * as server from './index';

describe('given the sdk’s server entry', () => {
  it('should export exactly its public runtime values', () => {
    expect(Object.keys(server).sort()).toEqual([
      'DEFAULT_ACCESS_RULES',
      'ORGANIZATIONS_MAX_RESULTS',
      'accessLevelOf',
      'canAccessConnection',
      'canCreateConnection',
      'connectionNameKey',
      'createAwsSdkAdapter',
      'createConnectionHandlers',
      'createLimiter',
      'createOrganizationsClient',
      'createSqliteConnectionStore',
      'environmentClients',
      'isThrottlingError',
      'managementStackResult',
      'readDeploymentStatus',
      'readOrganizationFromAws',
      'readTrustedAccess',
      'seedEmulatorOrganization',
      'toAccountResults',
      'toAdapterError',
      'withThrottlingRetries',
    ]);
  });
});
