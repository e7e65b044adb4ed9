/**
 * Judges a file of answers the way the wizard judges its steps: the shape first (zod), then
 * core's own validation of every step, with the wizard's codes. Each problem names the field of
 * the file it is about (`answers.scope.selected[2]`), so a user can find it without the wizard.
 */
import type * as z from 'zod/mini';

import {
  ROLE_NAME_PREFIX,
  getManagementAccountScope,
  isSelectableAccount,
  resolveRegion,
  selectedAncestorOf,
  validateAccess,
  validateDeploymentSettings,
  validateDetails,
  validatePolicies,
  validateRegion,
} from '@aws-connection-wizard/core';
import type {
  FieldErrors,
  IamActionCatalogue,
  OrganizationIndex,
  PolicyReport,
  WizardValues,
} from '@aws-connection-wizard/core';

import type { Answers, ResolvedPlatform } from './answers';
import { issueMessage } from './messages';
import type { IssueCode } from './messages';

export interface Problem {
  /** Where in the input, e.g. `answers.policies.allowedActions[1]` or `platform.externalId`. */
  field: string;
  /** The wizard's code for the problem, or `schema.<zod code>` for a value of the wrong shape. */
  code: string;
  message: string;
}

function pathText(file: string, segments: readonly PropertyKey[]): string {
  return (
    file +
    segments
      .map((segment) =>
        typeof segment === 'number' || /^\d+$/.test(String(segment))
          ? `[${String(segment)}]`
          : `.${String(segment)}`,
      )
      .join('')
  );
}

/** The field of ANSWERS.json that a core field path (`details.roleNameSuffix`, `access.1.email`) is about. */
export function answersField(corePath: string): string {
  const [first = '', ...rest] = corePath.split('.');
  // The host's deployment settings come from PLATFORM.json.
  if (first === 'settings') return pathText('platform', rest);
  if (first !== 'details') return pathText('answers', [first, ...rest]);
  const [field = '', ...below] = rest;
  return pathText('answers', [field === 'roleNameSuffix' ? 'roleName' : field, ...below]);
}

function valueAt(document: unknown, segments: readonly PropertyKey[]): unknown {
  let value = document;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** One problem per zod issue, worded for a person editing the file. */
export function schemaProblems(
  file: string,
  error: z.core.$ZodError,
  document: unknown,
): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const code = `schema.${issue.code}`;
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          field: pathText(file, [...issue.path, key]),
          code,
          message: 'is not a known field.',
        }));
      case 'invalid_type': {
        const missing = valueAt(document, issue.path) === undefined;
        const expected = issue.expected === 'int' ? 'an integer' : `of type ${issue.expected}`;
        return [
          {
            field: pathText(file, issue.path),
            code,
            message: missing ? 'is required.' : `must be ${expected}.`,
          },
        ];
      }
      case 'invalid_value':
        return [
          {
            field: pathText(file, issue.path),
            code,
            message: `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`,
          },
        ];
      case 'too_small':
        return [
          {
            field: pathText(file, issue.path),
            code,
            message: `must be at least ${String(issue.minimum)}${issue.origin === 'array' ? ' entries long' : ''}.`,
          },
        ];
      default:
        return [{ field: pathText(file, issue.path), code, message: `${issue.message}.` }];
    }
  });
}

function problem(
  field: string,
  code: IssueCode,
  params?: Record<string, string | number>,
): Problem {
  return { field, code, message: issueMessage(code, params) };
}

function fromFieldErrors(errors: FieldErrors): Problem[] {
  return Object.entries(errors).map(([path, issue]) =>
    problem(answersField(path), issue.code, issue.params),
  );
}

function scopeProblems(index: OrganizationIndex, values: WizardValues): Problem[] {
  const problems: Problem[] = [];
  const { scope } = values;
  const unknown = (field: string, id: string) =>
    problem(field, 'scope.unknownId', { id, organization: index.organization.id });

  // The tree's own rule for which accounts a click can select.
  scope.selected.forEach((id, row) => {
    const field = `answers.scope.selected[${row}]`;
    const node = index.nodes.get(id);
    if (node === undefined) problems.push(unknown(field, id));
    else if (node.account !== null && !isSelectableAccount(node.account)) {
      problems.push(problem(field, 'scope.notSelectable', { id, state: node.account.state }));
    }
  });
  const selected = new Set(scope.selected);
  scope.excluded.forEach((id, row) => {
    const field = `answers.scope.excluded[${row}]`;
    if (index.nodes.get(id)?.kind !== 'account') problems.push(unknown(field, id));
    else if (id === index.managementAccountId) {
      problems.push(problem(field, 'scope.excludedManagementAccount', { id }));
    } else if (selected.has(id)) {
      problems.push(problem(field, 'scope.selectedAndExcluded', { id }));
    } else if (selectedAncestorOf(index, id, selected) === null) {
      problems.push(problem(field, 'scope.excludedOutsideScope', { id }));
    }
  });
  if (scope.selected.length === 0) {
    problems.push(problem('answers.scope.selected', 'scope.required'));
  }
  if (problems.length > 0) return problems;

  // Asked, and answered, exactly as in the Scope step's management-account prompt.
  const managementAccount = getManagementAccountScope(index, scope);
  const id = index.managementAccountId;
  if (managementAccount.needsDecision) {
    problems.push(
      problem('answers.scope.managementAccount', 'scope.managementAccountDecision.required', {
        id,
      }),
    );
  } else if (managementAccount.coverage === 'direct' && scope.managementAccount === 'exclude') {
    problems.push(
      problem('answers.scope.managementAccount', 'scope.managementAccountDecision.contradicts', {
        id,
      }),
    );
  } else if (managementAccount.coverage === 'none' && scope.managementAccount !== null) {
    // The Scope step asks only while a selected root or OU contains the management account, so
    // the wizard never holds this answer otherwise. In a file it is a mistake worth naming rather
    // than dropping: "include" would silently plan one account fewer than the file seems to ask
    // for, and either answer hints at a selection other than the one written.
    problems.push(
      problem('answers.scope.managementAccount', 'scope.managementAccountDecision.notCovered', {
        id,
        decision: scope.managementAccount,
      }),
    );
  }
  return problems;
}

/**
 * The Policies step's report on `values`, with what the wizard gives it: the account's quota,
 * the full role name (the inline policy size depends on it), the Region (for the partition of
 * managed policies) and the IAM action catalogue (for unknown actions and overlap).
 */
export function policyReport(
  values: WizardValues,
  platform: ResolvedPlatform,
  iamActions: IamActionCatalogue | null,
): PolicyReport {
  return validatePolicies(values.policies, {
    managedPolicyQuota: platform.managedPolicyQuota,
    roleName: ROLE_NAME_PREFIX + values.details.roleNameSuffix,
    iamActions,
    region: resolveRegion(values, platform.settings),
  });
}

/**
 * Every problem of `answers` (already of the right shape, turned into `values`) against the
 * organisation and the platform, in the order of the wizard's steps; empty when the wizard
 * would let the user through to the Deploy step and the User access step.
 */
export function checkAnswers(
  index: OrganizationIndex,
  answers: Answers,
  values: WizardValues,
  platform: ResolvedPlatform,
  iamActions: IamActionCatalogue | null,
): Problem[] {
  const problems = fromFieldErrors(validateDetails(values.details));

  if (values.managementAccountId !== index.managementAccountId) {
    problems.push(
      problem('answers.managementAccountId', 'managementAccount.mismatch', {
        expected: index.managementAccountId,
      }),
    );
  } else {
    problems.push(...scopeProblems(index, values));
  }

  problems.push(...fromFieldErrors(policyReport(values, platform, iamActions).errors));

  const accessErrors = validateAccess(values.access, {
    levels: platform.accessLevels,
    creatorEmail: answers.createdBy ?? '',
  });
  // Without `createdBy` the command does not know who creates the connection, so the rule
  // that the creator stays on as owner cannot apply.
  if (answers.createdBy === undefined) delete accessErrors.access;
  problems.push(...fromFieldErrors(accessErrors));

  // The platform's settings, checked as the sdk checks what a host's adapter returns.
  const { settings } = platform;
  problems.push(...fromFieldErrors(validateDeploymentSettings(settings)));
  if (settings.regionLocked && values.region !== null && values.region !== settings.region) {
    problems.push(problem('answers.region', 'region.locked', { region: settings.region }));
  } else if (values.region !== null) {
    // The Deploy step's own rule for the Region the artefacts use.
    const issue = validateRegion(resolveRegion(values, settings));
    if (issue) problems.push(problem('answers.region', issue.code, issue.params));
  }
  return problems;
}
