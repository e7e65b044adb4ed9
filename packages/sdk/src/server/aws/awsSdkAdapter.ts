/**
 * The `AwsAdapter` on the AWS SDK v3, for the server side of a host. The organisation and the
 * deployment status come from AWS; which management accounts are onboarded, and the trusted
 * account, external ID and Region of each, are the platform's own records, so the host passes
 * them in.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';

import type {
  DeploymentSettings,
  ManagedPolicy,
  ManagementAccount,
} from '@aws-connection-wizard/core';

import type { AwsAdapter } from '../../adapters';
import { AdapterError } from '../../errors';
import { readDeploymentStatus } from './deploymentStatus';
import { createOrganizationsClient, readOrganizationFromAws } from './readOrganization';
import type { RetryOptions } from './throttle';

/** The AWS clients that act in one management account. */
export interface ManagementAccountClients {
  organizations: OrganizationsClient;
  /** CloudFormation in the Region given; StackSets live in one Region. */
  cloudFormation: (region: string) => CloudFormationClient;
}

export interface AwsSdkAdapterOptions {
  /** The management accounts the platform has onboarded. */
  managementAccounts: readonly ManagementAccount[] | (() => Promise<ManagementAccount[]>);
  /** The platform's settings for one management account. */
  deploymentSettings: (
    managementAccountId: string,
  ) => DeploymentSettings | Promise<DeploymentSettings>;
  /**
   * Clients signed in to one management account, typically with a role the platform assumes
   * there. By default every account shares clients built from the process's AWS environment.
   */
  clientsFor?: (managementAccountId: string) => ManagementAccountClients;
  /** An endpoint override for the default clients, e.g. a local emulator. */
  endpoint?: string;
  /** AWS managed policies to offer; the wizard's built-in list applies when omitted. */
  managedPolicies?: readonly ManagedPolicy[];
  /** @default 4 */
  concurrency?: number;
  retry?: RetryOptions;
}

/** Clients from the process's AWS environment (credentials chain, `AWS_ENDPOINT_URL`…). */
export function environmentClients(endpoint?: string): ManagementAccountClients {
  const organizations = createOrganizationsClient(endpoint);
  const byRegion = new Map<string, CloudFormationClient>();
  return {
    organizations,
    cloudFormation: (region) => {
      let client = byRegion.get(region);
      if (client === undefined) {
        client = new CloudFormationClient({ region, ...(endpoint ? { endpoint } : {}) });
        byRegion.set(region, client);
      }
      return client;
    },
  };
}

export function createAwsSdkAdapter(options: AwsSdkAdapterOptions): AwsAdapter {
  let shared: ManagementAccountClients | undefined;
  const clientsFor =
    options.clientsFor ??
    (() => {
      shared ??= environmentClients(options.endpoint);
      return shared;
    });
  const listOnboarded = async () =>
    typeof options.managementAccounts === 'function'
      ? options.managementAccounts()
      : [...options.managementAccounts];

  const requireOnboarded = async (managementAccountId: string) => {
    const onboarded = await listOnboarded();
    if (!onboarded.some((account) => account.accountId === managementAccountId)) {
      throw new AdapterError(
        'notFound',
        `Management account ${managementAccountId} is not onboarded in the platform`,
      );
    }
  };

  return {
    listManagementAccounts: () => listOnboarded(),
    getOrganization: async ({ managementAccountId }, { signal }) => {
      await requireOnboarded(managementAccountId);
      const organization = await readOrganizationFromAws({
        client: clientsFor(managementAccountId).organizations,
        concurrency: options.concurrency,
        retry: options.retry,
        signal,
      });
      if (organization.managementAccountId !== managementAccountId) {
        throw new AdapterError(
          'invalidResponse',
          `The credentials for ${managementAccountId} reach the organisation of ${organization.managementAccountId}`,
        );
      }
      return organization;
    },
    getDeploymentSettings: async ({ managementAccountId }) => {
      await requireOnboarded(managementAccountId);
      return options.deploymentSettings(managementAccountId);
    },
    ...(options.managedPolicies === undefined
      ? {}
      : { listManagedPolicies: async () => [...(options.managedPolicies ?? [])] }),
    getDeploymentStatus: async (input, { signal }) => {
      await requireOnboarded(input.managementAccountId);
      return readDeploymentStatus(input, {
        client: clientsFor(input.managementAccountId).cloudFormation(input.region),
        concurrency: options.concurrency,
        retry: options.retry,
        signal,
      });
    },
  };
}
