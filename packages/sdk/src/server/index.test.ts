import * as server from './index';

describe('given the sdk’s server entry', () => {
  it('should export exactly its public runtime values', () => {
    expect(Object.keys(server).sort()).toEqual([
      'DEFAULT_ACCESS_RULES',
      'DEFAULT_MAX_BODY_BYTES',
      'ORGANIZATIONS_MAX_RESULTS',
      'accessLevelOf',
      'canAccessConnection',
      'canCreateConnection',
      'checkConnection',
      'connectionNameKey',
      'createAwsSdkAdapter',
      'createConnectionHandlers',
      'createLimiter',
      'createOrganizationsClient',
      'createSqliteConnectionStore',
      'environmentClients',
      'isThrottlingError',
      'managementStackResult',
      'readDeploymentPrerequisites',
      'readDeploymentStatus',
      'readOrganizationFromAws',
      'readTrustedAccess',
      'roleNameKey',
      'seedEmulatorOrganization',
      'toAccountResults',
      'toAdapterError',
      'withThrottlingRetries',
    ]);
  });
});
