/**
 * The scope summary as data, read from the deployment plan alone: whether the plan deploys
 * anything, what gets the role now, which OUs pass it on to accounts added later (named by their
 * path from the root, outermost first), the management account's standing and the warnings with their OUs'
 * paths. A view renders it in its own words; it decides nothing.
 */
import { pathOf } from './organizationIndex';
import type { DeploymentPlan, OrganizationIndex, ScopeWarning } from './types';

/** The management account in the summary: not covered, awaiting an answer, in scope, or left out. */
export type ManagementAccountStanding = 'none' | 'needsDecision' | 'included' | 'excluded';

export interface FutureCoverage {
  /** A root or OU whose accounts added later get the role, and whose parent's do not. */
  id: string;
  isRoot: boolean;
  /** Its names from the root down (`Root / Workloads / Prod`); the root's own name for the root. */
  path: string;
  /** How many OUs inside it pass the role on too (all of them: automatic deployment covers child OUs). */
  childOus: number;
}

export interface SummaryWarning extends ScopeWarning {
  /** The paths of `organizationalUnitIds`, in the same order. */
  organizationalUnitPaths: string[];
}

export interface ScopeSummaryView {
  /**
   * True when the plan deploys nothing: no StackSet and no management-account command. A plan
   * that only reaches accounts StackSets skip for now, or only an empty OU, is not empty.
   */
  isEmpty: boolean;
  now: readonly string[];
  excluded: readonly string[];
  skipped: readonly string[];
  future: FutureCoverage[];
  managementAccountId: string;
  managementAccount: ManagementAccountStanding;
  warnings: SummaryWarning[];
}

export function getScopeSummary(index: OrganizationIndex, plan: DeploymentPlan): ScopeSummaryView {
  const { coverage, managementAccount } = plan;
  return {
    isEmpty: plan.stackSets.length === 0 && !managementAccount.inScope,
    now: coverage.now,
    excluded: coverage.excluded,
    skipped: coverage.skipped,
    future: outermost(index, coverage.futureOus),
    managementAccountId: managementAccount.id,
    managementAccount: managementAccount.needsDecision
      ? 'needsDecision'
      : managementAccount.inScope
        ? 'included'
        : managementAccount.coverage === 'ancestor'
          ? 'excluded'
          : 'none',
    warnings: plan.warnings.map((warning) => ({
      ...warning,
      organizationalUnitPaths: warning.organizationalUnitIds.map((id) => pathOf(index, id)),
    })),
  };
}

/**
 * The ids whose parent is not among them, each with how many of the ids lie below it. Every OU
 * below a future-covered one is future-covered too, so naming the outermost says it all.
 * O(|ids| × depth).
 */
function outermost(index: OrganizationIndex, ids: readonly string[]): FutureCoverage[] {
  const listed = new Set(ids);
  const tops = ids.filter((id) => !listed.has(index.nodes.get(id)?.parentId ?? ''));
  const childOus = new Map(tops.map((id) => [id, 0]));
  for (const id of ids) {
    if (childOus.has(id)) continue;
    let top: string | null = null;
    for (let parentId = index.nodes.get(id)?.parentId ?? null; parentId !== null;) {
      if (childOus.has(parentId)) top = parentId;
      parentId = index.nodes.get(parentId)?.parentId ?? null;
    }
    if (top !== null) childOus.set(top, childOus.get(top)! + 1);
  }
  return tops.map((id) => ({
    id,
    isRoot: id === index.rootId,
    path: pathOf(index, id),
    childOus: childOus.get(id)!,
  }));
}
