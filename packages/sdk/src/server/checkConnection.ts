/**
 * The server's own judgement of a connection it is asked to create. The wizard validates every
 * step in the browser, but a request can come from anywhere: the server re-runs core's
 * validation of the details, policies and access list, and checks the scope against the
 * platform's records (the management account must be onboarded) and against the organisation
 * as AWS reports it now (ids it holds, accounts that can take the role, the management-account
 * decision). Each problem is reported at the wizard's field path, so the wizard can show it
 * where the user entered the value.
 */
import {
  ROLE_NAME_PREFIX,
  getManagementAccountScope,
  indexOrganization,
  isSelectableAccount,
  planDeployment,
  selectedAncestorOf,
  validateAccess,
  validateDetails,
  validatePolicies,
  validateRegion,
} from '@aws-connection-wizard/core';
import type {
  ConnectionProblemCode,
  ConnectionRequest,
  FieldErrors,
  FieldProblem,
  OrganizationIndex,
  ScopeSelection,
} from '@aws-connection-wizard/core';

import type { AdapterCallOptions, AwsAdapter } from '../adapters';

export interface CheckConnectionOptions extends AdapterCallOptions {
  aws: AwsAdapter;
  /** The signed-in user, who must stay on the access list as owner. */
  creatorEmail: string;
  /** The access levels a connection's list may use. */
  accessLevels: readonly string[];
  /** IAM's quota of managed policies per role in the customer's accounts. */
  managedPolicyQuota: number;
}

export interface ConnectionCheck {
  /** Every problem found, at the wizard's field paths; empty when the connection may be created. */
  problems: FieldProblem[];
  /**
   * The request with what the server decides itself: the accounts the scope covers now and
   * whether the management account is in scope, from the organisation as AWS reports it.
   */
  request: ConnectionRequest;
}

function problem(
  field: string,
  code: FieldProblem['code'] | ConnectionProblemCode,
  params?: Record<string, string | number>,
): FieldProblem {
  return params === undefined ? { field, code } : { field, code, params };
}

/** Core's field errors as problems; the role name is the whole name in a connection. */
function fromFieldErrors(errors: FieldErrors): FieldProblem[] {
  return Object.entries(errors).map(([field, issue]) =>
    problem(
      field === 'details.roleNameSuffix' ? 'details.roleName' : field,
      issue.code,
      issue.params,
    ),
  );
}

/**
 * The scope's problems against the organisation. The Scope step shows problems at
 * `scope.selected` and `scope.managementAccount`, so every one is reported at one of them.
 */
function scopeProblems(
  index: OrganizationIndex,
  awsConfig: ConnectionRequest['awsConfig'],
): { problems: FieldProblem[]; selection: ScopeSelection } {
  const problems: FieldProblem[] = [];
  const field = 'scope.selected';
  const unknown = (id: string) =>
    problem(field, 'scope.unknownId', { id, organization: index.organization.id });
  if (awsConfig.organizationRootId !== index.rootId) {
    problems.push(problem(field, 'scope.rootMismatch', { id: awsConfig.organizationRootId }));
  }

  for (const id of awsConfig.scopeTargetedOrganizationalUnitIds) {
    if (index.nodes.get(id)?.kind === undefined || index.nodes.get(id)?.kind === 'account') {
      problems.push(unknown(id));
    }
  }
  for (const id of awsConfig.scopeExplicitAccountIds) {
    const node = index.nodes.get(id);
    if (node?.kind !== 'account') problems.push(unknown(id));
    else if (node.account !== null && !isSelectableAccount(node.account)) {
      problems.push(
        problem(field, 'scope.notSelectable', { id, state: node.account?.state ?? 'unknown' }),
      );
    }
  }
  const selected = [
    ...awsConfig.scopeTargetedOrganizationalUnitIds,
    ...awsConfig.scopeExplicitAccountIds,
  ];
  const selectedIds = new Set(selected);
  for (const id of awsConfig.scopeExcludedAccountIds) {
    if (index.nodes.get(id)?.kind !== 'account') problems.push(unknown(id));
    else if (id === index.managementAccountId) {
      problems.push(problem(field, 'scope.excludedManagementAccount', { id }));
    } else if (selectedAncestorOf(index, id, selectedIds) === null) {
      problems.push(problem(field, 'scope.excludedOutsideScope', { id }));
    }
  }
  if (selected.length === 0) problems.push(problem(field, 'scope.required'));

  const selection: ScopeSelection = {
    selected,
    excluded: [...awsConfig.scopeExcludedAccountIds],
    managementAccount: null,
    pickedAccountsAutoDeployment: 'off',
  };
  if (problems.length > 0) return { problems, selection };

  // The request says only whether the management account is in scope: that is the answer to
  // the prompt when a selected root or OU covers it, and must agree with the selection otherwise.
  const inScope = awsConfig.scopeManagementAccountExplicitInScope;
  const managementAccount = getManagementAccountScope(index, selection);
  const id = index.managementAccountId;
  if (managementAccount.coverage === 'ancestor') {
    return {
      problems,
      selection: { ...selection, managementAccount: inScope ? 'include' : 'exclude' },
    };
  }
  if (managementAccount.coverage === 'direct' ? !inScope : inScope) {
    problems.push(
      problem('scope.managementAccount', 'scope.managementAccountDecision.contradicts', { id }),
    );
  }
  return { problems, selection };
}

/**
 * Judges a connection request as the wizard would, against the platform's records and the
 * organisation as AWS reports it now. Failures of the AWS adapter (throttled, unavailable…)
 * are thrown as they are.
 */
export async function checkConnection(
  request: ConnectionRequest,
  options: CheckConnectionOptions,
): Promise<ConnectionCheck> {
  const { aws, signal } = options;
  const { awsConfig } = request;
  const dedicatedRole = !awsConfig.usesExistingPermissions;
  const hasPrefix = awsConfig.roleName.startsWith(ROLE_NAME_PREFIX);

  const detailErrors = validateDetails({
    connectionName: request.name,
    roleNameSuffix: hasPrefix ? awsConfig.roleName.slice(ROLE_NAME_PREFIX.length) : '',
    roleNameEdited: true,
    description: request.description,
  });
  if (!dedicatedRole) {
    // Existing permissions reuse a role: only the name is the user's (as in the wizard).
    for (const field of Object.keys(detailErrors)) {
      if (field !== 'details.connectionName') delete detailErrors[field];
    }
  } else if (!hasPrefix) {
    delete detailErrors['details.roleNameSuffix'];
  }
  const problems = fromFieldErrors(detailErrors);
  if (dedicatedRole && !hasPrefix) {
    problems.push(
      problem('details.roleName', 'roleName.prefixMissing', { prefix: ROLE_NAME_PREFIX }),
    );
  }
  problems.push(
    ...fromFieldErrors(
      validateAccess(
        request.collaborators.map((entry) => ({ email: entry.email, level: entry.role })),
        { levels: options.accessLevels, creatorEmail: options.creatorEmail },
      ),
    ),
  );

  const onboarded = await aws.listManagementAccounts({ signal });
  const account = onboarded.find(
    (candidate) => candidate.accountId === awsConfig.managementAccount,
  );
  if (account === undefined) {
    problems.push(
      problem('managementAccountId', 'managementAccount.notOnboarded', {
        accountId: awsConfig.managementAccount,
      }),
    );
    return { problems, request };
  }
  if (!dedicatedRole) {
    if (!account.connected) {
      problems.push(
        problem('managementAccountId', 'managementAccount.notConnected', {
          accountId: account.accountId,
        }),
      );
    }
    return { problems, request };
  }

  problems.push(
    ...fromFieldErrors(
      validatePolicies(
        {
          managedPolicyArns: awsConfig.managedPolicyArns,
          allowedActions: awsConfig.allowedActions,
        },
        { managedPolicyQuota: options.managedPolicyQuota, roleName: awsConfig.roleName },
      ).errors,
    ),
  );

  const settings = await aws.getDeploymentSettings(
    { managementAccountId: account.accountId },
    { signal },
  );
  const regionIssue = validateRegion(awsConfig.region);
  if (regionIssue) problems.push(problem('deploy.region', regionIssue.code, regionIssue.params));
  else if (settings.regionLocked && awsConfig.region !== settings.region) {
    problems.push(problem('deploy.region', 'region.locked', { region: settings.region }));
  }

  const index = indexOrganization(
    await aws.getOrganization({ managementAccountId: account.accountId }, { signal }),
  );
  const scope = scopeProblems(index, awsConfig);
  problems.push(...scope.problems);
  if (scope.problems.length > 0) return { problems, request };

  const plan = planDeployment(index, scope.selection);
  return {
    problems,
    request: {
      ...request,
      awsConfig: {
        ...awsConfig,
        scopeManagementAccountExplicitInScope: plan.managementAccount.inScope,
        resolvedAccountIds: [...plan.coverage.now],
      },
    },
  };
}
