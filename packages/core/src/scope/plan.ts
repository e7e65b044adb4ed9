/**
 * The deployment plan: the StackSets and `create-stack-instances` calls that give the role to
 * exactly the selected scope, and what that scope covers now and later. Artefacts, the scope
 * summary and the created connection all read this one plan.
 *
 * AWS rules it follows (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeploymentTargets.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackInstances.html):
 * - service-managed StackSets never deploy to the management account, even inside a target;
 * - a call targets roots/OUs (each covering its child OUs), at most 50 ids per call, and may
 *   filter accounts only, never OUs; one filter type applies to all of a call's targets;
 * - `UNION` is refused by CreateStackInstances, so it is never used;
 * - automatic deployment is StackSet-wide: every root/OU a StackSet targets passes the role on
 *   to accounts added to it later, whatever the call's filter.
 *   See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-manage-auto-deployment.html
 *
 * StackSets:
 * - `organization` (automatic deployment on): the selected roots/OUs, sorted, in batches of 50;
 *   each batch filters out with `DIFFERENCE` the excluded accounts below its targets, or uses
 *   `NONE` when there are none.
 * - accounts picked one by one: their parent roots/OUs with `INTERSECTION` and the picked
 *   accounts, batched by 50 parents. With `pickedAccountsAutoDeployment: 'off'` they form a
 *   second StackSet `accounts` with automatic deployment off; with `'on'` they join the
 *   `organization` StackSet, and new accounts of their parents get the role too (warned).
 *
 * Coverage: StackSets skip accounts that are not ACTIVE (`SKIPPED_SUSPENDED_ACCOUNT` for
 * suspended ones; an account still pending activation cannot be counted on either), so covered
 * accounts that are not ACTIVE go to `skipped`, ACTIVE ones to `now`, and the management account
 * joins `now` when it is in scope (its own command creates the role there).
 *
 * Every list is sorted and every object built with its keys in a fixed order: the plan is
 * written to `plan.json` and must be byte-identical for the same normalised selection.
 */
import type { ScopeSelection } from '../model/values';
import {
  compareIds,
  forEachInSubtree,
  selectedAncestorOf,
  sortedUnique,
} from './organizationIndex';
import { managementAccountScopeOf, normalizeSelection } from './selection';
import type {
  DeploymentPlan,
  OrganizationIndex,
  PlannedStackSet,
  ScopeWarning,
  StackSetOperation,
} from './types';

/** CreateStackInstances accepts at most 50 root or OU ids per call. */
export const MAX_ORGANIZATIONAL_UNITS_PER_OPERATION = 50;

function inBatches<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_ORGANIZATIONAL_UNITS_PER_OPERATION) {
    batches.push(items.slice(i, i + MAX_ORGANIZATIONAL_UNITS_PER_OPERATION));
  }
  return batches;
}

function operation(
  organizationalUnitIds: string[],
  accounts: string[],
  accountFilterType: StackSetOperation['accountFilterType'],
): StackSetOperation {
  return { organizationalUnitIds, accounts, accountFilterType };
}

function warning(
  code: ScopeWarning['code'],
  message: string,
  accountIds: string[],
  organizationalUnitIds: string[],
): ScopeWarning {
  return { code, message, accountIds, organizationalUnitIds };
}

function pushTo(groups: Map<string, string[]>, key: string, id: string): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, [id]);
  else group.push(id);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function planDeployment(
  index: OrganizationIndex,
  selection: ScopeSelection,
): DeploymentPlan {
  const normal = normalizeSelection(index, selection);
  const managementAccount = managementAccountScopeOf(index, normal);
  const managementAccountId = index.managementAccountId;
  const selected = new Set(normal.selected);
  const excluded = new Set(normal.excluded);

  const targets = normal.selected.filter((id) => index.nodes.get(id)!.kind !== 'account');
  const picked = normal.selected.filter(
    (id) => index.nodes.get(id)!.kind === 'account' && id !== managementAccountId,
  );

  // Each exclusion lies below exactly one selected root/OU: selected nodes never nest.
  const exclusionsByTarget = new Map<string, string[]>();
  for (const id of normal.excluded) {
    pushTo(exclusionsByTarget, selectedAncestorOf(index, id, selected)!, id);
  }
  const organizationOperations = inBatches(targets).map((batch) => {
    const accounts = batch.flatMap((id) => exclusionsByTarget.get(id) ?? []).sort(compareIds);
    return accounts.length > 0
      ? operation(batch, accounts, 'DIFFERENCE')
      : operation(batch, [], 'NONE');
  });

  const pickedByParent = new Map<string, string[]>();
  for (const id of picked) {
    pushTo(pickedByParent, index.nodes.get(id)!.parentId!, id);
  }
  const parents = [...pickedByParent.keys()].sort(compareIds);
  const pickedOperations = inBatches(parents).map((batch) =>
    operation(
      batch,
      batch.flatMap((id) => pickedByParent.get(id)!).sort(compareIds),
      'INTERSECTION',
    ),
  );

  const pickedAutoDeploy = normal.pickedAccountsAutoDeployment === 'on';
  const stackSets: PlannedStackSet[] = [];
  const organizationSetOperations = pickedAutoDeploy
    ? [...organizationOperations, ...pickedOperations]
    : organizationOperations;
  if (organizationSetOperations.length > 0) {
    stackSets.push({
      key: 'organization',
      autoDeployment: true,
      operations: organizationSetOperations,
    });
  }
  if (!pickedAutoDeploy && pickedOperations.length > 0) {
    stackSets.push({ key: 'accounts', autoDeployment: false, operations: pickedOperations });
  }

  // Accounts the StackSets reach now, then split by whether AWS can deploy to them.
  const reached: string[] = [...picked];
  for (const targetId of targets) {
    forEachInSubtree(index, targetId, (node) => {
      if (node.kind === 'account' && node.id !== managementAccountId && !excluded.has(node.id)) {
        reached.push(node.id);
      }
    });
  }
  const now: string[] = [];
  const skipped: string[] = [];
  for (const id of reached) {
    (index.nodes.get(id)!.account!.state === 'ACTIVE' ? now : skipped).push(id);
  }
  if (managementAccount.inScope) now.push(managementAccountId);

  const futureOus = new Set<string>();
  for (const stackSet of stackSets) {
    if (!stackSet.autoDeployment) continue;
    for (const op of stackSet.operations) {
      for (const id of op.organizationalUnitIds) {
        if (futureOus.has(id)) continue;
        forEachInSubtree(index, id, (node) => {
          if (node.kind !== 'account') futureOus.add(node.id);
        });
      }
    }
  }

  const coverage = {
    now: sortedUnique(now),
    excluded: sortedUnique(
      managementAccount.decision === 'exclude'
        ? [...normal.excluded, managementAccountId]
        : normal.excluded,
    ),
    skipped: sortedUnique(skipped),
    futureOus: sortedUnique(futureOus),
  };

  const warnings: ScopeWarning[] = [];
  if (pickedAutoDeploy && parents.length > 0) {
    warnings.push(
      warning(
        'autoDeploymentWiderThanPicks',
        `Automatic deployment is on for accounts picked one by one: accounts added later to their ${plural(parents.length, 'parent', 'parents')} (or to OUs inside them) will get the role too.`,
        [...picked],
        parents,
      ),
    );
    const pickedUnderRoot = pickedByParent.get(index.rootId);
    if (pickedUnderRoot !== undefined) {
      warnings.push(
        warning(
          'autoDeploymentReachesWholeOrganization',
          `${plural(pickedUnderRoot.length, 'account', 'accounts')} picked directly under the root: with automatic deployment on, every account added later anywhere in the organisation will get the role.`,
          [...pickedUnderRoot],
          [index.rootId],
        ),
      );
    }
  }
  if (coverage.skipped.length > 0) {
    warnings.push(
      warning(
        'unavailableAccountsSkipped',
        `${plural(coverage.skipped.length, 'account', 'accounts')} in scope ${coverage.skipped.length === 1 ? 'is' : 'are'} not active (suspended, closing, closed or pending activation): StackSets skip ${coverage.skipped.length === 1 ? 'it' : 'them'} for now.`,
        [...coverage.skipped],
        [],
      ),
    );
  }

  return { stackSets, managementAccount, coverage, warnings };
}
