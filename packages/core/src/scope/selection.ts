/**
 * The normal form of a scope selection and the management-account decision.
 *
 * One scope has exactly one normalised selection, so the same final choice gives the same
 * deployment plan, byte for byte, whatever order the user clicked in:
 * - `selected`: known ids only, no duplicates, sorted in plain string order, and nothing that a
 *   selected ancestor already covers (the ancestor wins).
 * - `excluded`: known accounts only, sorted, each covered by a selected root or OU (an exclusion
 *   outside the scope means nothing and is dropped). Suspended or closing accounts may stay
 *   excluded. The management account is never listed: StackSets never deploy to it, and its
 *   place in the scope is the `managementAccount` decision instead.
 *   See https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeploymentTargets.html
 * - `managementAccount`: kept only while a selected root or OU covers the management account;
 *   otherwise null. Selecting the management account itself means "include", so no decision is
 *   kept then either.
 */
import type { ManagementAccountDecision, ScopeSelection } from '../model/values';
import { compareIds, selectedAncestorOf } from './organizationIndex';
import type { ManagementAccountScope, OrganizationIndex } from './types';

/** Returns the normal form of `selection`. Idempotent; O((|selected| + |excluded|) × depth). */
export function normalizeSelection(
  index: OrganizationIndex,
  selection: ScopeSelection,
): ScopeSelection {
  const known = new Set(selection.selected.filter((id) => index.nodes.has(id)));
  // An id with any selected ancestor is covered by the top-most one, which itself stays.
  const selected = [...known]
    .filter((id) => selectedAncestorOf(index, id, known) === null)
    .sort(compareIds);
  const kept = new Set(selected);
  const excluded = [...new Set(selection.excluded)]
    .filter(
      (id) =>
        index.nodes.get(id)?.kind === 'account' &&
        id !== index.managementAccountId &&
        selectedAncestorOf(index, id, kept) !== null,
    )
    .sort(compareIds);
  const decision = selection.managementAccount;
  const managementAccountCovered = selectedAncestorOf(index, index.managementAccountId, kept);

  return {
    selected,
    excluded,
    managementAccount:
      managementAccountCovered !== null && (decision === 'include' || decision === 'exclude')
        ? decision
        : null,
    pickedAccountsAutoDeployment: selection.pickedAccountsAutoDeployment === 'on' ? 'on' : 'off',
  };
}

/**
 * Records the answer to the management-account prompt. The answer only means something while a
 * selected root or OU covers the management account; otherwise the selection comes back
 * normalised and otherwise unchanged.
 */
export function setManagementAccountDecision(
  index: OrganizationIndex,
  selection: ScopeSelection,
  decision: ManagementAccountDecision,
): ScopeSelection {
  const normal = normalizeSelection(index, selection);
  const covered = selectedAncestorOf(index, index.managementAccountId, new Set(normal.selected));
  return covered === null ? normal : { ...normal, managementAccount: decision };
}

/** How the management account stands in an already normalised selection. */
export function managementAccountScopeOf(
  index: OrganizationIndex,
  normal: ScopeSelection,
): ManagementAccountScope {
  const id = index.managementAccountId;
  const selected = new Set(normal.selected);
  if (selected.has(id)) {
    return { id, coverage: 'direct', decision: null, needsDecision: false, inScope: true };
  }
  if (selectedAncestorOf(index, id, selected) !== null) {
    const decision = normal.managementAccount;
    return {
      id,
      coverage: 'ancestor',
      decision,
      needsDecision: decision === null,
      inScope: decision === 'include',
    };
  }
  return { id, coverage: 'none', decision: null, needsDecision: false, inScope: false };
}

/**
 * How the management account stands in the scope: not covered, picked directly (in scope), or
 * covered by a selected root or OU (in scope only once the user answers "include").
 */
export function getManagementAccountScope(
  index: OrganizationIndex,
  selection: ScopeSelection,
): ManagementAccountScope {
  return managementAccountScopeOf(index, normalizeSelection(index, selection));
}
