/**
 * Checks applied to every answer a host adapter gives, before the wizard sees it. Core's zod
 * schemas judge each value's shape; `findOrganizationProblems` adds what a schema cannot say
 * about a tree: every parent exists, every id is unique, the management account is a member.
 */
import type * as z from 'zod/mini';

import type { Organization } from '@aws-connection-wizard/core';

import { AdapterError } from './errors';

/** How many problems an error message names before it summarises the rest. */
const MAX_LISTED_PROBLEMS = 5;

function listProblems(problems: readonly string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const rest = problems.length - MAX_LISTED_PROBLEMS;

  return rest > 0 ? `${listed}; and ${rest} more` : listed;
}

/**
 * Parses `value` with `schema`, or throws `AdapterError('invalidResponse')` naming the answer
 * (`what`) and the first paths that were wrong.
 */
export function parseAnswer<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(the whole value)';
    return `${path}: ${issue.message}`;
  });

  throw new AdapterError('invalidResponse', `${what} is not valid: ${listProblems(problems)}`, {
    cause: result.error,
  });
}

/**
 * Structural problems of an organisation tree that its schema cannot see, as plain sentences.
 * An empty list means the tree is usable: one root, unique ids, every parent present, no OU
 * inside itself, and the management account among the accounts.
 */
export function findOrganizationProblems(organization: Organization): string[] {
  const problems: string[] = [];
  const ouParents = new Map<string, string>();
  const seen = new Set<string>([organization.root.id]);

  for (const ou of organization.organizationalUnits) {
    if (seen.has(ou.id)) problems.push(`${ou.id} appears more than once`);
    seen.add(ou.id);
    ouParents.set(ou.id, ou.parentId);
  }
  for (const account of organization.accounts) {
    if (seen.has(account.id)) problems.push(`${account.id} appears more than once`);
    seen.add(account.id);
  }

  const containers = new Set<string>([organization.root.id, ...ouParents.keys()]);
  for (const ou of organization.organizationalUnits) {
    if (!containers.has(ou.parentId)) {
      problems.push(`OU ${ou.id} has a parent ${ou.parentId} that is neither the root nor an OU`);
    }
  }
  for (const account of organization.accounts) {
    if (!containers.has(account.parentId)) {
      problems.push(
        `account ${account.id} has a parent ${account.parentId} that is neither the root nor an OU`,
      );
    }
  }

  // A parent chain that never reaches the root is a cycle; AWS allows at most five OU levels,
  // so anything longer than the number of OUs is certainly one.
  for (const ou of organization.organizationalUnits) {
    let current: string | undefined = ou.parentId;
    let steps = 0;
    while (current !== undefined && current !== organization.root.id) {
      current = ouParents.get(current);
      steps += 1;
      if (steps > ouParents.size) {
        problems.push(`OU ${ou.id} is its own ancestor`);
        break;
      }
    }
  }

  if (!organization.accounts.some((account) => account.id === organization.managementAccountId)) {
    problems.push(`the management account ${organization.managementAccountId} is not in the tree`);
  }

  return problems;
}

/** Parses an organisation and checks its tree, throwing `invalidResponse` on either failure. */
export function parseOrganization(
  schema: z.ZodMiniType<Organization>,
  value: unknown,
  what: string,
): Organization {
  const organization = parseAnswer(schema, value, what);
  const problems = findOrganizationProblems(organization);
  if (problems.length > 0) {
    throw new AdapterError('invalidResponse', `${what} is not valid: ${listProblems(problems)}`);
  }

  return organization;
}
