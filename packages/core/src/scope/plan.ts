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
 * - `organization` (automatic deployment on): the selected roots/OUs, sorted, at most 50 per call;
 *   each call filters out with `DIFFERENCE` the excluded accounts below its targets, or uses
 *   `NONE` when there are none.
 * - accounts picked one by one: their parent roots/OUs with `INTERSECTION` and the picked
 *   accounts, at most 50 parents per call. With `pickedAccountsAutoDeployment: 'off'` they form a
 *   second StackSet `accounts` with automatic deployment off; with `'on'` they join the
 *   `organization` StackSet, and new accounts of their parents get the role too (warned).
 * - no call lists more than {@link MAX_ACCOUNTS_PER_OPERATION} accounts where AWS's rules allow
 *   it, so every call fits in one shell argument (see the constant for the arithmetic); only an
 *   OU's own exclusions, which cannot be split, may make one call longer.
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
  pathOf,
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

/**
 * The most account ids one call lists. The script passes each call's deployment targets to the
 * AWS CLI as one shell argument of compact JSON, and Linux refuses any single argument longer
 * than 128 KiB (MAX_ARG_STRLEN = 32 pages of 4 KiB = 131,072 bytes, the final NUL included):
 * "Argument list too long". The arithmetic for the longest call:
 * - 50 OU ids of at most 68 characters, each quoted and comma-separated: 50 × 71 = 3,550 bytes;
 * - the keys and the filter type (`{"OrganizationalUnitIds":[…],"Accounts":[…],
 *   "AccountFilterType":"INTERSECTION"}`): under 100 bytes;
 * - each account id quoted and comma-separated: 15 bytes.
 * (131,071 − 3,550 − 100) / 15 ≈ 8,494 accounts. 8,000 keeps about 7 KB to spare.
 * See https://man7.org/linux/man-pages/man2/execve.2.html ("Limits on size of arguments").
 */
export const MAX_ACCOUNTS_PER_OPERATION = 8_000;

function operation(
  organizationalUnitIds: string[],
  accounts: string[],
  accountFilterType: StackSetOperation['accountFilterType'],
): StackSetOperation {
  return { organizationalUnitIds, accounts, accountFilterType };
}

/**
 * Calls for the selected roots and OUs, in sorted order: at most 50 targets per call and, where
 * it can be done, at most {@link MAX_ACCOUNTS_PER_OPERATION} exclusions. A `DIFFERENCE` list
 * cannot be split across calls: an account left out of one call's list would be deployed to by
 * that call, so every exclusion below a target travels with it. A new call starts when the next
 * target's exclusions would not fit; a target whose exclusions alone exceed the bound gets a call
 * of its own, whose targets the script passes through a file (see `MAX_INLINE_TARGETS_BYTES`).
 */
function targetOperations(
  targets: readonly string[],
  exclusionsByTarget: ReadonlyMap<string, string[]>,
): StackSetOperation[] {
  const operations: StackSetOperation[] = [];
  let batch: string[] = [];
  let accounts: string[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    operations.push(
      accounts.length > 0
        ? operation(batch, accounts.sort(compareIds), 'DIFFERENCE')
        : operation(batch, [], 'NONE'),
    );
    batch = [];
    accounts = [];
  };
  for (const target of targets) {
    const exclusions = exclusionsByTarget.get(target) ?? [];
    const full = batch.length === MAX_ORGANIZATIONAL_UNITS_PER_OPERATION;
    if (full || accounts.length + exclusions.length > MAX_ACCOUNTS_PER_OPERATION) flush();
    batch.push(target);
    accounts.push(...exclusions);
  }
  flush();
  return operations;
}

/**
 * `INTERSECTION` calls for accounts picked one by one: the picks' parents, in sorted order, with
 * at most 50 parents and {@link MAX_ACCOUNTS_PER_OPERATION} picks per call. Unlike exclusions,
 * picks can be split: each call deploys only to the accounts it lists, so a parent with more
 * picks than one call holds appears in consecutive calls, each with a disjoint part of them.
 */
function pickOperations(pickedByParent: ReadonlyMap<string, string[]>): StackSetOperation[] {
  const operations: StackSetOperation[] = [];
  let parents: string[] = [];
  let accounts: string[] = [];
  const flush = () => {
    if (parents.length === 0) return;
    operations.push(operation(parents, accounts.sort(compareIds), 'INTERSECTION'));
    parents = [];
    accounts = [];
  };
  for (const parent of [...pickedByParent.keys()].sort(compareIds)) {
    let rest = [...pickedByParent.get(parent)!].sort(compareIds);
    while (rest.length > 0) {
      const full =
        parents.length === MAX_ORGANIZATIONAL_UNITS_PER_OPERATION ||
        accounts.length === MAX_ACCOUNTS_PER_OPERATION;
      if (full) flush();
      const room = MAX_ACCOUNTS_PER_OPERATION - accounts.length;
      parents.push(parent);
      accounts.push(...rest.slice(0, room));
      rest = rest.slice(room);
    }
  }
  flush();
  return operations;
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
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/**
 * `items` as words (`A`, `A and B`, `A, B and C`), the first five only and then how many more, so
 * a warning stays readable with 2,000 OUs or 50,000 accounts.
 */
function words(items: readonly string[], conjunction: 'and' | 'or'): string {
  const shown = items.slice(0, 5);
  const more = items.length - shown.length;
  if (more > 0) shown.push(`${more.toLocaleString('en-US')} more`);
  return shown.length === 1
    ? shown[0]!
    : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown.at(-1)!}`;
}

/** Roots and OUs by their path from the root (`Root / Workloads / Prod`). */
function pathList(index: OrganizationIndex, ids: readonly string[], conjunction: 'and' | 'or') {
  return words(
    ids
      .slice(0, 5)
      .map((id) => pathOf(index, id))
      .concat(ids.slice(5)),
    conjunction,
  );
}

/** Accounts as `Name (id)`, so that two accounts of one name read differently. */
function accountList(index: OrganizationIndex, ids: readonly string[]): string {
  return words(
    ids
      .slice(0, 5)
      .map((id) => `${index.nodes.get(id)?.name ?? id} (${id})`)
      .concat(ids.slice(5)),
    'and',
  );
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
  const organizationOperations = targetOperations(targets, exclusionsByTarget);

  const pickedByParent = new Map<string, string[]>();
  for (const id of picked) {
    pushTo(pickedByParent, index.nodes.get(id)!.parentId!, id);
  }
  const parents = [...pickedByParent.keys()].sort(compareIds);
  const pickedOperations = pickOperations(pickedByParent);

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
        `Automatic deployment is on for accounts picked one by one: accounts added later to ${pathList(index, parents, 'and')} (or to OUs inside ${parents.length === 1 ? 'it' : 'them'}) will get the role too, not only the accounts picked.`,
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
  if (normal.excluded.length > 0) {
    // AWS: "Automatic deployments do not consider account level targeting filters", and they
    // run when accounts are added to, or moved between, target OUs. An exclusion holds for the
    // accounts where they are now; an excluded account moved later gets the role.
    // See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-manage-auto-deployment.html
    const withExclusions = [...exclusionsByTarget.keys()].sort(compareIds);
    warnings.push(
      warning(
        'exclusionsIgnoredByAutomaticDeployment',
        `${plural(normal.excluded.length, 'excluded account does', 'excluded accounts do')} not get the role now, but automatic deployment does not apply exclusions: an excluded account that is later moved into ${pathList(index, withExclusions, 'or')} (or from one OU to another inside ${withExclusions.length === 1 ? 'it' : 'them'}) gets the role.`,
        [...normal.excluded],
        withExclusions,
      ),
    );
  }
  if (coverage.skipped.length > 0) {
    warnings.push(
      warning(
        'unavailableAccountsSkipped',
        `${plural(coverage.skipped.length, 'account', 'accounts')} in scope ${coverage.skipped.length === 1 ? 'is' : 'are'} not active (suspended, closing, closed or pending activation), and StackSets skip ${coverage.skipped.length === 1 ? 'it' : 'them'} for now: ${accountList(index, coverage.skipped)}.`,
        [...coverage.skipped],
        [],
      ),
    );
  }

  return { stackSets, managementAccount, coverage, warnings };
}
