/**
 * The tri-state check of every node in the organisation tree, derived from a selection.
 *
 * - checked: selected, or covered by a selected ancestor, with nothing below it left out. An
 *   empty OU that is selected is checked.
 * - unchecked: not in scope. An excluded account shows reason `excluded`; the management
 *   account that the user chose not to include shows `managementAccountExcluded`. While the
 *   management-account prompt is unanswered, the account shows checked (`inherited`).
 * - indeterminate (`partial`): some, not all, of what lies below is in scope. In a covered root
 *   or OU that means an excluded account (or the excluded management account) below it; in an
 *   uncovered one, anything selected below it (its own future accounts are not covered).
 * Suspended and closing accounts are `selectable: false` but count as in scope when covered:
 * StackSets skip them without the user leaving them out, so they do not make a parent partial.
 *
 * Building the view costs O((|selected| + |excluded|) × depth); each `nodeScope` call O(depth).
 * No call walks the whole tree, so the view can be rebuilt on every click of a large tree.
 */
import type { ScopeSelection } from '../model/values';
import { isSelectableAccount, selectedAncestorOf } from './organizationIndex';
import { managementAccountScopeOf, normalizeSelection } from './selection';
import type { ManagementAccountScope, NodeScope, OrganizationIndex } from './types';

export interface ScopeView {
  /** The check state of one node; unknown ids are unchecked and not selectable. */
  nodeScope(nodeId: string): NodeScope;
  managementAccount: ManagementAccountScope;
}

export function createScopeView(index: OrganizationIndex, selection: ScopeSelection): ScopeView {
  const normal = normalizeSelection(index, selection);
  const selected = new Set(normal.selected);
  const excluded = new Set(normal.excluded);
  const managementAccount = managementAccountScopeOf(index, normal);
  const managementAccountId = index.managementAccountId;

  // Containers with something left out below them, and containers with something selected below.
  const leftOutBelow = new Set<string>();
  const selectedBelow = new Set<string>();
  const markAncestors = (nodeId: string, marks: Set<string>) => {
    let parentId = index.nodes.get(nodeId)?.parentId ?? null;
    while (parentId !== null && !marks.has(parentId)) {
      marks.add(parentId);
      parentId = index.nodes.get(parentId)!.parentId;
    }
  };
  for (const id of normal.excluded) markAncestors(id, leftOutBelow);
  if (managementAccount.decision === 'exclude') markAncestors(managementAccountId, leftOutBelow);
  for (const id of normal.selected) markAncestors(id, selectedBelow);

  function nodeScope(nodeId: string): NodeScope {
    const node = index.nodes.get(nodeId);
    const isManagementAccount = nodeId === managementAccountId;
    if (node === undefined) {
      return { checkState: 'unchecked', reason: 'none', selectable: false, isManagementAccount };
    }
    const selectable = node.account === null || isSelectableAccount(node.account);
    const state = (checkState: NodeScope['checkState'], reason: NodeScope['reason']) => ({
      checkState,
      reason,
      selectable,
      isManagementAccount,
    });
    const isSelected = selected.has(nodeId);
    const covered = isSelected || selectedAncestorOf(index, nodeId, selected) !== null;

    if (node.kind === 'account') {
      if (isSelected) return state('checked', 'selected');
      if (!covered) return state('unchecked', 'none');
      if (excluded.has(nodeId)) return state('unchecked', 'excluded');
      if (isManagementAccount && managementAccount.decision === 'exclude') {
        return state('unchecked', 'managementAccountExcluded');
      }
      return state('checked', 'inherited');
    }
    if (covered) {
      if (leftOutBelow.has(nodeId)) return state('indeterminate', 'partial');
      return state('checked', isSelected ? 'selected' : 'inherited');
    }
    return selectedBelow.has(nodeId)
      ? state('indeterminate', 'partial')
      : state('unchecked', 'none');
  }

  return { nodeScope, managementAccount };
}
