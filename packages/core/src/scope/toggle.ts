/**
 * What a click on a node of the organisation tree does to the scope. Every result is
 * normalised (see `selection.ts`), so a view can store it as is.
 *
 * Accounts:
 * - not covered: selected. Suspended, closing and closed accounts cannot be selected; the click
 *   changes nothing.
 * - selected directly: deselected.
 * - covered by a selected root or OU: excluded; an excluded account is included again.
 *   Unselectable accounts cannot be excluded either.
 * - the management account covered by a selected root or OU: the click flips the answer to the
 *   management-account prompt (unanswered or include → exclude, exclude → include). It is never
 *   listed as an exclusion, because StackSets never deploy to it anyway.
 * An account that a saved draft left selected or excluded can always be deselected or included
 * again, even if it has been suspended since, so the user is never stuck with it.
 *
 * Roots and OUs:
 * - unchecked or indeterminate: selected; it replaces every selection and exclusion below it,
 *   so it becomes fully checked. A management account inside it keeps "include" if it was in
 *   scope before (picked directly or included) and is asked about again otherwise.
 * - selected directly: deselected, with the exclusions below it.
 * - covered by a selected ancestor: split (see `splitAncestor`).
 */
import type { ScopeSelection } from '../model/values';
import { isSelectableAccount, isWithin, selectedAncestorOf } from './organizationIndex';
import { normalizeSelection } from './selection';
import type { OrganizationIndex, OrganizationNode } from './types';

/** Applies a click on `nodeId` and returns the normalised selection. Unknown ids change nothing. */
export function toggleNode(
  index: OrganizationIndex,
  selection: ScopeSelection,
  nodeId: string,
): ScopeSelection {
  const current = normalizeSelection(index, selection);
  const node = index.nodes.get(nodeId);
  if (node === undefined) return current;

  const next =
    node.kind === 'account'
      ? toggleAccount(index, current, node)
      : toggleContainer(index, current, node);
  return next === current ? current : normalizeSelection(index, next);
}

function toggleAccount(
  index: OrganizationIndex,
  current: ScopeSelection,
  node: OrganizationNode,
): ScopeSelection {
  const selected = new Set(current.selected);
  const excluded = new Set(current.excluded);
  const covered = selectedAncestorOf(index, node.id, selected) !== null;
  const selectable = node.account !== null && isSelectableAccount(node.account);

  if (node.id === index.managementAccountId && covered) {
    const decision = current.managementAccount === 'exclude' ? 'include' : 'exclude';
    return { ...current, managementAccount: decision };
  }
  if (selected.has(node.id)) {
    selected.delete(node.id);
  } else if (covered && excluded.has(node.id)) {
    excluded.delete(node.id);
  } else if (!selectable) {
    return current;
  } else if (covered) {
    excluded.add(node.id);
  } else {
    selected.add(node.id);
  }
  return { ...current, selected: [...selected], excluded: [...excluded] };
}

function toggleContainer(
  index: OrganizationIndex,
  current: ScopeSelection,
  node: OrganizationNode,
): ScopeSelection {
  const selected = new Set(current.selected);

  if (selected.has(node.id)) {
    // Normalisation drops the exclusions and the management-account answer it no longer covers.
    selected.delete(node.id);
    return { ...current, selected: [...selected] };
  }
  const ancestorId = selectedAncestorOf(index, node.id, selected);
  if (ancestorId !== null) return splitAncestor(index, current, node.id, ancestorId);

  const managementAccountId = index.managementAccountId;
  let managementAccount = current.managementAccount;
  if (isWithin(index, managementAccountId, node.id)) {
    const wasInScope =
      selected.has(managementAccountId) ||
      (selectedAncestorOf(index, managementAccountId, selected) !== null &&
        current.managementAccount === 'include');
    managementAccount = wasInScope ? 'include' : null;
  }
  const below = (id: string) => id !== node.id && isWithin(index, id, node.id);
  return {
    ...current,
    selected: [...current.selected.filter((id) => !below(id)), node.id],
    excluded: current.excluded.filter((id) => !below(id)),
    managementAccount,
  };
}

/**
 * Takes a root or OU out of a selected ancestor's scope while everything else stays in: the
 * ancestor's selection is replaced by selections of every sibling subtree along the path down
 * to the node (OUs, and accounts directly under each container on the path). Accounts the user
 * had excluded stay out; exclusions inside the sibling OUs still apply and are kept. The
 * management account keeps its meaning: included becomes a direct pick, excluded or unanswered
 * is not picked. Suspended, closing and closed accounts on the path, the management account
 * among them, are not picked either: no
 * click may select them (the `plan` command refuses such answers too), and they had no stack
 * instance to lose, because StackSets skip them.
 *
 * Consequence: the ancestor is no longer a StackSet target, so accounts added later directly to
 * it (or to a container on the path) no longer get the role automatically. The plan's
 * `coverage.futureOus` shows exactly which OUs still pass the role on. O(depth × children).
 */
function splitAncestor(
  index: OrganizationIndex,
  current: ScopeSelection,
  nodeId: string,
  ancestorId: string,
): ScopeSelection {
  const selected = new Set(current.selected);
  const excluded = new Set(current.excluded);
  selected.delete(ancestorId);

  let keepId = nodeId;
  let container = index.nodes.get(index.nodes.get(nodeId)!.parentId!)!;
  for (;;) {
    for (const childId of container.childIds) {
      if (childId === keepId) continue;
      const child = index.nodes.get(childId)!;
      if (child.kind !== 'account') {
        selected.add(childId);
      } else if (!isSelectableAccount(child.account!)) {
        continue;
      } else if (childId === index.managementAccountId) {
        if (current.managementAccount === 'include') selected.add(childId);
      } else if (!excluded.has(childId)) {
        selected.add(childId);
      }
    }
    if (container.id === ancestorId) break;
    keepId = container.id;
    container = index.nodes.get(container.parentId!)!;
  }
  return { ...current, selected: [...selected], excluded: [...excluded] };
}
