/**
 * Indexes an organisation tree once, so that every scope rule afterwards walks only the few
 * nodes it needs (a node's ancestors, a selected node's subtree) instead of the whole tree.
 * AWS Organizations nests OUs at most five levels below the root, so ancestor walks are short.
 * See https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
import type { Account, AccountState, Organization } from '../model/organization';
import type { NodeKind, OrganizationIndex, OrganizationNode } from './types';

/**
 * Plain UTF-16 code-unit order, as `Array.prototype.sort` uses by default. Every list the scope
 * rules produce is sorted with it, so the same input gives the same bytes in every locale.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts a copy of `ids` in plain string order, without duplicates. */
export function sortedUnique(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareIds);
}

/**
 * Suspended, closing and closed accounts cannot take a stack instance now (StackSets report
 * `SKIPPED_SUSPENDED_ACCOUNT`), so the tree does not let the user pick or exclude them.
 * See https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_StackInstanceComprehensiveStatus.html
 */
const UNSELECTABLE_STATES: ReadonlySet<AccountState> = new Set([
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
]);

export function isSelectableAccount(account: Account): boolean {
  return !UNSELECTABLE_STATES.has(account.state);
}

interface NodeDraft {
  id: string;
  kind: NodeKind;
  name: string;
  parentId: string | null;
  account: Account | null;
  organizationalUnits: NodeDraft[];
  accounts: NodeDraft[];
}

function byNameThenId(a: NodeDraft, b: NodeDraft): number {
  return compareIds(a.name, b.name) || compareIds(a.id, b.id);
}

/**
 * Builds the index. The `nodes` map lists nodes in display order (depth-first, each container's
 * OUs before its accounts, each group by name then id).
 *
 * @throws Error when the tree is not one AWS can return: a duplicate id, a parent that is not
 * the root or an OU of this organisation, a cycle, or a management account missing from the
 * accounts. Adapters validate with the model schemas first; this guards what a schema cannot see.
 */
export function indexOrganization(organization: Organization): OrganizationIndex {
  const drafts = new Map<string, NodeDraft>();
  const add = (node: NodeDraft) => {
    if (drafts.has(node.id)) {
      throw new Error(`The organisation lists "${node.id}" more than once.`);
    }
    drafts.set(node.id, node);
  };
  const draft = (id: string, kind: NodeKind, name: string, parentId: string | null): NodeDraft => ({
    id,
    kind,
    name,
    parentId,
    account: null,
    organizationalUnits: [],
    accounts: [],
  });

  add(draft(organization.root.id, 'root', organization.root.name, null));
  for (const unit of organization.organizationalUnits) {
    add(draft(unit.id, 'organizationalUnit', unit.name, unit.parentId));
  }
  for (const account of organization.accounts) {
    add({ ...draft(account.id, 'account', account.name, account.parentId), account });
  }
  if (drafts.get(organization.managementAccountId)?.kind !== 'account') {
    throw new Error(
      `The management account ${organization.managementAccountId} is not among the organisation's accounts.`,
    );
  }

  for (const child of drafts.values()) {
    if (child.parentId === null) continue;
    const parent = drafts.get(child.parentId);
    if (parent === undefined || parent.kind === 'account') {
      throw new Error(`"${child.id}" has a parent "${child.parentId}" that is not a root or OU.`);
    }
    (child.kind === 'account' ? parent.accounts : parent.organizationalUnits).push(child);
  }

  const nodes = new Map<string, OrganizationNode>();
  // Depth-first, children pushed in reverse so they come out in display order.
  const stack: Array<{ id: string; depth: number }> = [{ id: organization.root.id, depth: 0 }];
  const visited: OrganizationNode[] = [];
  while (stack.length > 0) {
    const { id, depth } = stack.pop()!;
    const draft = drafts.get(id)!;
    const childIds = [
      ...draft.organizationalUnits.sort(byNameThenId),
      ...draft.accounts.sort(byNameThenId),
    ].map((child) => child.id);
    const node: OrganizationNode = {
      id,
      kind: draft.kind,
      name: draft.name,
      parentId: draft.parentId,
      childIds,
      depth,
      account: draft.account,
      accountCount: draft.kind === 'account' ? 1 : 0,
    };
    nodes.set(id, node);
    visited.push(node);
    for (let i = childIds.length - 1; i >= 0; i -= 1) {
      stack.push({ id: childIds[i]!, depth: depth + 1 });
    }
  }
  if (nodes.size !== drafts.size) {
    throw new Error('Some OUs or accounts of the organisation cannot be reached from its root.');
  }
  // Children come after their parent in depth-first order, so a reverse pass sums counts upward.
  for (let i = visited.length - 1; i > 0; i -= 1) {
    const node = visited[i]!;
    nodes.get(node.parentId!)!.accountCount += node.accountCount;
  }

  return {
    organization,
    rootId: organization.root.id,
    managementAccountId: organization.managementAccountId,
    nodes,
  };
}

/** The nearest strict ancestor of `nodeId` that is in `selected`, or null. O(depth). */
export function selectedAncestorOf(
  index: OrganizationIndex,
  nodeId: string,
  selected: ReadonlySet<string>,
): string | null {
  let parentId = index.nodes.get(nodeId)?.parentId ?? null;
  while (parentId !== null) {
    if (selected.has(parentId)) return parentId;
    parentId = index.nodes.get(parentId)!.parentId;
  }
  return null;
}

/** Whether `nodeId` is `ancestorId` or lies below it. O(depth). */
export function isWithin(index: OrganizationIndex, nodeId: string, ancestorId: string): boolean {
  let current: string | null = nodeId;
  while (current !== null) {
    if (current === ancestorId) return true;
    current = index.nodes.get(current)?.parentId ?? null;
  }
  return false;
}

/**
 * A node's names from the root down to it (`Root / Workloads / Prod`), so that two OUs of one
 * name in different places read differently, and the reader sees where the OU sits; the root is
 * named by its own name. Unknown ids come back as they are. O(depth).
 */
export function pathOf(index: OrganizationIndex, nodeId: string): string {
  const names: string[] = [];
  for (let node = index.nodes.get(nodeId); node !== undefined;) {
    names.unshift(node.name);
    node = node.parentId === null ? undefined : index.nodes.get(node.parentId);
  }
  return names.length > 0 ? names.join(' / ') : nodeId;
}

/** Calls `visit` for `nodeId` and every node below it, in display order. O(subtree). */
export function forEachInSubtree(
  index: OrganizationIndex,
  nodeId: string,
  visit: (node: OrganizationNode) => void,
): void {
  const stack = [nodeId];
  while (stack.length > 0) {
    const node = index.nodes.get(stack.pop()!);
    if (node === undefined) continue;
    visit(node);
    for (let i = node.childIds.length - 1; i >= 0; i -= 1) stack.push(node.childIds[i]!);
  }
}
