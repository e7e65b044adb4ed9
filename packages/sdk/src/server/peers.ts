/**
 * The server entry's optional peer dependencies, loaded when first needed rather than imported
 * at the top: a host that keeps connections in its own database needs no better-sqlite3, and
 * one with its own `AwsAdapter` needs no AWS SDK. When a package is needed but missing, the
 * error says which one and how to install it, instead of Node's bare "Cannot find package".
 */
import { createRequire } from 'node:module';

import type * as CloudFormationSdk from '@aws-sdk/client-cloudformation';
import type * as OrganizationsSdk from '@aws-sdk/client-organizations';
import type BetterSqlite3 from 'better-sqlite3';

const requirePeer = createRequire(import.meta.url);

/** The versions this package is built and tested with, as its `peerDependencies` list them. */
const PEER_VERSIONS = {
  '@aws-sdk/client-cloudformation': '3.1178.0',
  '@aws-sdk/client-organizations': '3.1178.0',
  'better-sqlite3': '12.11.1',
} as const;

type PeerName = keyof typeof PEER_VERSIONS;

function isMissing(error: unknown, name: PeerName): boolean {
  const candidate = error as { code?: unknown; message?: unknown } | null;
  return (
    candidate?.code === 'MODULE_NOT_FOUND' &&
    typeof candidate.message === 'string' &&
    candidate.message.includes(`'${name}'`)
  );
}

/**
 * Loads an optional peer dependency, or throws an error naming it, what needs it and the
 * command that installs it.
 */
export function loadPeer<T>(name: PeerName, neededBy: string): T {
  try {
    return requirePeer(name) as T;
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    throw new Error(
      `${neededBy} needs the package ${name}, an optional peer dependency of @aws-connection-wizard/sdk that is not installed. Install it with: npm install ${name}@${PEER_VERSIONS[name]}`,
      { cause: error },
    );
  }
}

/** AWS Organizations from the AWS SDK v3. */
export function organizationsSdk(): typeof OrganizationsSdk {
  return loadPeer('@aws-sdk/client-organizations', 'Reading AWS Organizations');
}

/** AWS CloudFormation from the AWS SDK v3. */
export function cloudFormationSdk(): typeof CloudFormationSdk {
  return loadPeer('@aws-sdk/client-cloudformation', 'Reading CloudFormation StackSets');
}

/** The better-sqlite3 driver. */
export function sqliteDriver(): typeof BetterSqlite3 {
  return loadPeer('better-sqlite3', 'createSqliteConnectionStore');
}
