/**
 * The tri-state check of every node in the organisation tree, read from the deployment plan: the
 * one source of truth that the scope summary, the artefacts and `plan.json` read too. No rule of
 * the selection is applied a second time here.
 *
 * Accounts:
 * - checked: the plan gives it the role now (`coverage.now`) or would if AWS could deploy to it
 *   (`coverage.skipped`: suspended, closing or pending accounts); `selected` when a call lists it
 *   by name (picked one by one) or it is the management account picked directly, else `inherited`;
 * - unchecked: `excluded` (in `coverage.excluded`), `managementAccountExcluded`, or `none`;
 * - indeterminate: the management account under a selected root or OU while the
 *   management-account prompt is unanswered (`managementAccountUndecided`): neither in nor out.
 * Roots and OUs:
 * - checked: every account below is checked and accounts added later get the role (the node is
 *   in `coverage.futureOus`); `selected` when a call targets it with `NONE` or `DIFFERENCE`, else
 *   `inherited`. An empty OU is checked when its future accounts get the role.
 * - indeterminate (`partial`): anything below, or the node's own future accounts, in scope, but
 *   not all of it. Accounts picked one by one never make their OU checked while automatic
 *   deployment is off for them: accounts added later to it do not get the role.
 * - unchecked (`none`): nothing there gets the role, now or later.
 * `coversNewAccounts` is true for every root and OU in `coverage.futureOus`, checked or not: with
 * automatic deployment on for picks, the OUs that hold them are covered in future though not
 * checked.
 *
 * Building the view counts the accounts covered below each root and OU once, per parent and then
 * up the (at most six) levels of parents: O(|covered| + |OUs| × depth). Each `nodeScope` call is
 * then O(log |covered|), so a virtualised tree asks only for its visible rows.
 */
import { compareIds, isSelectableAccount } from './organizationIndex';
import type { DeploymentPlan, ManagementAccountScope, NodeScope, OrganizationIndex } from './types';

export interface ScopeView {
  /** The check state of one node; unknown ids are unchecked and not selectable. */
  nodeScope(nodeId: string): NodeScope;
  managementAccount: ManagementAccountScope;
}

/** Whether `sorted` (in {@link compareIds} order, as every plan list is) holds `id`. */
function includesSorted(sorted: readonly string[], id: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareIds(sorted[middle]!, id);
    if (order === 0) return true;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

export function createScopeView(index: OrganizationIndex, plan: DeploymentPlan): ScopeView {
  const { coverage, managementAccount } = plan;
  const managementAccountId = index.managementAccountId;
  const futureOus = new Set(coverage.futureOus);

  // What the calls name: targets of NONE/DIFFERENCE are selected roots and OUs; accounts listed
  // with INTERSECTION are picked one by one.
  const targeted = new Set<string>();
  const listed = new Set<string>();
  for (const stackSet of plan.stackSets) {
    for (const operation of stackSet.operations) {
      if (operation.accountFilterType === 'INTERSECTION') {
        for (const id of operation.accounts) listed.add(id);
      } else {
        for (const id of operation.organizationalUnitIds) targeted.add(id);
      }
    }
  }

  // Covered accounts per parent first, then each parent's count added to its ancestors.
  const coveredBelow = new Map<string, number>();
  const countUnder = (parentId: string | null, amount: number) => {
    for (let id = parentId; id !== null; id = index.nodes.get(id)?.parentId ?? null) {
      coveredBelow.set(id, (coveredBelow.get(id) ?? 0) + amount);
    }
  };
  const perParent = new Map<string, number>();
  for (const list of [coverage.now, coverage.skipped]) {
    for (const id of list) {
      const parentId = index.nodes.get(id)?.parentId;
      if (parentId) perParent.set(parentId, (perParent.get(parentId) ?? 0) + 1);
    }
  }
  for (const [parentId, count] of perParent) countUnder(parentId, count);

  // Roots and OUs with a future-covered OU strictly below them.
  const futureBelow = new Set<string>();
  for (const id of coverage.futureOus) {
    let parentId = index.nodes.get(id)?.parentId ?? null;
    while (parentId !== null && !futureBelow.has(parentId)) {
      futureBelow.add(parentId);
      parentId = index.nodes.get(parentId)?.parentId ?? null;
    }
  }

  function nodeScope(nodeId: string): NodeScope {
    const node = index.nodes.get(nodeId);
    const isManagementAccount = nodeId === managementAccountId;
    const result = (
      checkState: NodeScope['checkState'],
      reason: NodeScope['reason'],
      selectable = true,
      coversNewAccounts = false,
    ): NodeScope => ({ checkState, reason, selectable, isManagementAccount, coversNewAccounts });

    if (node === undefined) return result('unchecked', 'none', false);
    if (node.account !== null) {
      const selectable = isSelectableAccount(node.account);
      if (isManagementAccount) {
        if (managementAccount.inScope) {
          const reason = managementAccount.coverage === 'direct' ? 'selected' : 'inherited';
          return result('checked', reason, selectable);
        }
        if (managementAccount.needsDecision) {
          return result('indeterminate', 'managementAccountUndecided', selectable);
        }
        if (managementAccount.coverage === 'ancestor') {
          return result('unchecked', 'managementAccountExcluded', selectable);
        }
        return result('unchecked', 'none', selectable);
      }
      if (includesSorted(coverage.now, nodeId) || includesSorted(coverage.skipped, nodeId)) {
        return result('checked', listed.has(nodeId) ? 'selected' : 'inherited', selectable);
      }
      if (includesSorted(coverage.excluded, nodeId)) {
        return result('unchecked', 'excluded', selectable);
      }
      return result('unchecked', 'none', selectable);
    }

    const future = futureOus.has(nodeId);
    const covered = coveredBelow.get(nodeId) ?? 0;
    if (future && covered === node.accountCount) {
      return result('checked', targeted.has(nodeId) ? 'selected' : 'inherited', true, true);
    }
    if (future || covered > 0 || futureBelow.has(nodeId)) {
      return result('indeterminate', 'partial', true, future);
    }
    return result('unchecked', 'none');
  }

  return { nodeScope, managementAccount };
}
