/**
 * The `AwsAdapter` on the AWS SDK v3, for the server side of a host. The organisation, the
 * deployment prerequisites and the deployment status come from AWS; which management accounts
 * are onboarded, and the trusted account, external ID and Region of each, are the platform's
 * own records, so the host passes them in.
 *
 * Calls to AWS for one management account share one concurrency gate, whatever request they
 * serve: Organizations keeps one request budget per management account, shared by every caller
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html#throttling-limits),
 * so two users loading the same organisation at once must not double the load.
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';

import type {
  DeploymentSettings,
  ManagedPolicy,
  ManagementAccount,
} from '@aws-connection-wizard/core';

import type { AdapterCallOptions, AwsAdapter } from '../../adapters';
import { AdapterError } from '../../errors';
import { cloudFormationSdk } from '../peers';
import { readDeploymentStatus } from './deploymentStatus';
import { readDeploymentPrerequisites } from './prerequisites';
import { createOrganizationsClient, readOrganizationFromAws } from './readOrganization';
import { createLimiter } from './throttle';
import type { Limiter, RetryOptions } from './throttle';

/** The AWS clients that act in one management account. */
export interface ManagementAccountClients {
  /**
   * Organizations, signed in to the management account. Build it with `maxAttempts: 1`: the
   * adapter retries throttled calls itself (`retry`), and the SDK's own retries would multiply
   * the attempts and stack two backoffs.
   */
  organizations: OrganizationsClient;
  /** CloudFormation in the Region given (StackSets live in one Region), also with `maxAttempts: 1`. */
  cloudFormation: (region: string) => CloudFormationClient;
}

export interface AwsSdkAdapterOptions {
  /**
   * The management accounts the platform has onboarded: a list, or a function of the platform
   * that receives the request's signal.
   */
  managementAccounts:
    | readonly ManagementAccount[]
    | ((options: AdapterCallOptions) => ManagementAccount[] | Promise<ManagementAccount[]>);
  /** The platform's settings for one management account; receives the request's signal. */
  deploymentSettings: (
    managementAccountId: string,
    options: AdapterCallOptions,
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
  /**
   * How many AWS calls run at once for one management account, across every request the
   * adapter serves (one gate per management account).
   * @default 4
   */
  concurrency?: number;
  /**
   * Backoff and attempts when AWS throttles a call. These are the only retries: the default
   * clients make one attempt per call.
   */
  retry?: RetryOptions;
}

/**
 * Clients from the process's AWS environment (credentials chain, `AWS_ENDPOINT_URL`…), making
 * one attempt per call so that the adapter's throttling retries are the only ones.
 */
export function environmentClients(endpoint?: string): ManagementAccountClients {
  const organizations = createOrganizationsClient(endpoint);
  const byRegion = new Map<string, CloudFormationClient>();
  return {
    organizations,
    cloudFormation: (region) => {
      let client = byRegion.get(region);
      if (client === undefined) {
        const { CloudFormationClient } = cloudFormationSdk();
        client = new CloudFormationClient({
          region,
          maxAttempts: 1,
          ...(endpoint ? { endpoint } : {}),
        });
        byRegion.set(region, client);
      }
      return client;
    },
  };
}

/**
 * Settles like `work`, but rejects with the signal's reason as soon as it aborts, for host
 * functions that may not watch the signal themselves.
 */
function untilAborted<T>(work: T | Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(work).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The `AwsAdapter` of a host's server: the organisation, deployment prerequisites and
 * deployment status read with the AWS SDK v3, in the management accounts the platform has
 * onboarded. Every method stops calling AWS as soon as its signal aborts.
 */
export function createAwsSdkAdapter(options: AwsSdkAdapterOptions): AwsAdapter {
  let shared: ManagementAccountClients | undefined;
  const clientsFor =
    options.clientsFor ??
    (() => {
      shared ??= environmentClients(options.endpoint);
      return shared;
    });
  const concurrency = options.concurrency ?? 4;
  const limiters = new Map<string, Limiter>();
  const limiterFor = (managementAccountId: string): Limiter => {
    let limiter = limiters.get(managementAccountId);
    if (limiter === undefined) {
      limiter = createLimiter(concurrency);
      limiters.set(managementAccountId, limiter);
    }
    return limiter;
  };

  const listOnboarded = async (call: AdapterCallOptions): Promise<ManagementAccount[]> => {
    const { managementAccounts } = options;
    const accounts =
      typeof managementAccounts === 'function'
        ? await untilAborted(managementAccounts({ signal: call.signal }), call.signal)
        : [...managementAccounts];
    call.signal.throwIfAborted();
    return accounts;
  };

  const requireOnboarded = async (managementAccountId: string, call: AdapterCallOptions) => {
    const onboarded = await listOnboarded(call);
    if (!onboarded.some((account) => account.accountId === managementAccountId)) {
      throw new AdapterError(
        'notFound',
        `Management account ${managementAccountId} is not onboarded in the platform`,
      );
    }
  };

  const settingsOf = (managementAccountId: string, call: AdapterCallOptions) =>
    untilAborted(
      options.deploymentSettings(managementAccountId, { signal: call.signal }),
      call.signal,
    );

  return {
    listManagementAccounts: (call) => listOnboarded(call),
    getOrganization: async ({ managementAccountId }, call) => {
      await requireOnboarded(managementAccountId, call);
      const organization = await readOrganizationFromAws({
        client: clientsFor(managementAccountId).organizations,
        limit: limiterFor(managementAccountId),
        retry: options.retry,
        signal: call.signal,
      });
      if (organization.managementAccountId !== managementAccountId) {
        throw new AdapterError(
          'invalidResponse',
          `The credentials for ${managementAccountId} reach the organisation of ${organization.managementAccountId}`,
        );
      }
      return organization;
    },
    getDeploymentSettings: async ({ managementAccountId }, call) => {
      await requireOnboarded(managementAccountId, call);
      return settingsOf(managementAccountId, call);
    },
    getDeploymentPrerequisites: async ({ managementAccountId }, call) => {
      await requireOnboarded(managementAccountId, call);
      // Trusted access is asked in the Region the StackSet will live in.
      const { region } = await settingsOf(managementAccountId, call);
      const clients = clientsFor(managementAccountId);
      return readDeploymentPrerequisites({
        organizations: clients.organizations,
        cloudFormation: clients.cloudFormation(region),
        limit: limiterFor(managementAccountId),
        retry: options.retry,
        signal: call.signal,
      });
    },
    ...(options.managedPolicies === undefined
      ? {}
      : {
          listManagedPolicies: async ({ signal }: AdapterCallOptions) => {
            signal.throwIfAborted();
            return [...(options.managedPolicies ?? [])];
          },
        }),
    getDeploymentStatus: async (input, call) => {
      await requireOnboarded(input.managementAccountId, call);
      return readDeploymentStatus(input, {
        client: clientsFor(input.managementAccountId).cloudFormation(input.region),
        limit: limiterFor(input.managementAccountId),
        retry: options.retry,
        signal: call.signal,
      });
    },
  };
}
