/**
 * The deployment prerequisites of a management account, read before the user runs the
 * StackSet command: whether trusted access between CloudFormation StackSets and AWS
 * Organizations is on (`DescribeOrganizationsAccess`) and whether the organisation has all
 * features (`DescribeOrganization`, `FeatureSet`). Service-managed StackSets need both
 * (CloudFormation User Guide, "Activate trusted access for stack sets with AWS Organizations").
 * This is a hint, never a gate: a call AWS does not answer gives `unknown` rather than a
 * failure. An emulator that does not implement `DescribeOrganizationsAccess` (moto answers
 * HTTP 500) gives `unknown` too.
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';

import type {
  DeploymentPrerequisites,
  OrganizationFeatureSet,
  TrustedAccessStatus,
} from '@aws-connection-wizard/core';

import { cloudFormationSdk, organizationsSdk } from '../peers';
import { createLimiter, withThrottlingRetries } from './throttle';
import type { Limiter, RetryOptions } from './throttle';

export interface ReadPrerequisitesOptions {
  /** Organizations, signed in to the management account. */
  organizations: OrganizationsClient;
  /** CloudFormation in the StackSet's Region, signed in to the management account. */
  cloudFormation: CloudFormationClient;
  /** A gate shared with the account's other calls. @default a gate of 2 */
  limit?: Limiter;
  /** Backoff when AWS throttles. */
  retry?: RetryOptions;
  /** Stops the reading; the read then rejects with its reason. */
  signal?: AbortSignal;
}

const TRUSTED_ACCESS: Readonly<Record<string, TrustedAccessStatus>> = {
  ENABLED: 'enabled',
  DISABLED: 'disabled',
  DISABLED_PERMANENTLY: 'disabledPermanently',
};

const FEATURE_SET: Readonly<Record<string, OrganizationFeatureSet>> = {
  ALL: 'all',
  CONSOLIDATED_BILLING: 'consolidatedBilling',
};

/** Runs one hint call: its answer, or `null` when AWS did not give one (but for an abort). */
async function ask<T>(
  call: () => Promise<T>,
  signal: AbortSignal,
  limit: Limiter,
  retry: RetryOptions | undefined,
): Promise<T | null> {
  try {
    return await limit(() => {
      signal.throwIfAborted();
      return withThrottlingRetries(call, signal, retry);
    });
  } catch (_unanswered) {
    if (signal.aborted) throw signal.reason;
    return null;
  }
}

/**
 * Asks CloudFormation whether trusted access with Organizations is on. AWS answers only in the
 * management account or a delegated administrator; anything else is `unknown`.
 */
export async function readTrustedAccess(
  client: CloudFormationClient,
  signal: AbortSignal = new AbortController().signal,
  options: Pick<ReadPrerequisitesOptions, 'limit' | 'retry'> = {},
): Promise<TrustedAccessStatus> {
  const { DescribeOrganizationsAccessCommand } = cloudFormationSdk();
  const answer = await ask(
    () => client.send(new DescribeOrganizationsAccessCommand({}), { abortSignal: signal }),
    signal,
    options.limit ?? createLimiter(1),
    options.retry,
  );
  return TRUSTED_ACCESS[answer?.Status ?? ''] ?? 'unknown';
}

/** Trusted access and the feature set, asked side by side. */
export async function readDeploymentPrerequisites(
  options: ReadPrerequisitesOptions,
): Promise<DeploymentPrerequisites> {
  const { DescribeOrganizationCommand } = organizationsSdk();
  const signal = options.signal ?? new AbortController().signal;
  const limit = options.limit ?? createLimiter(2);
  const [trustedAccess, description] = await Promise.all([
    readTrustedAccess(options.cloudFormation, signal, { limit, retry: options.retry }),
    ask(
      () =>
        options.organizations.send(new DescribeOrganizationCommand({}), { abortSignal: signal }),
      signal,
      limit,
      options.retry,
    ),
  ]);
  return {
    trustedAccess,
    featureSet: FEATURE_SET[description?.Organization?.FeatureSet ?? ''] ?? 'unknown',
  };
}
