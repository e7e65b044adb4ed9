/**
 * A reference model of how AWS resolves the deployment targets of service-managed StackSets,
 * written from AWS's documented rules alone and sharing no code with the planner, so tests can
 * judge a plan by what AWS would do with it:
 * - targets are the root or OUs (at most 50 per call) and everything below them;
 * - `NONE` takes every account there, `INTERSECTION` only the listed ones, `DIFFERENCE` all but
 *   the listed ones; `UNION` is refused by CreateStackInstances;
 * - the management account never gets a stack instance;
 * - accounts that are not ACTIVE are skipped. AWS documents this for suspended accounts only
 *   (the stack instance status `SKIPPED_SUSPENDED_ACCOUNT`,
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_StackInstanceComprehensiveStatus.html).
 *   ASSUMED, not documented: PENDING_CLOSURE and CLOSED accounts (which AWS suspends while it
 *   closes them) and PENDING_ACTIVATION accounts (not usable yet) are skipped the same way rather
 *   than failing the call. The planner makes the same assumption, so the property tests cannot
 *   catch it if AWS behaves otherwise: only a run against real AWS could;
 * - automatic deployment gives a new account the role when any StackSet with it on targets the
 *   account's OU or an OU above it.
 * See https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeploymentTargets.html
 */
import type { Organization } from '../model/organization';

export interface SimulatedOperation {
  organizationalUnitIds: readonly string[];
  accounts: readonly string[];
  accountFilterType: string;
}

export interface SimulatedStackSet {
  key: string;
  autoDeployment: boolean;
  operations: readonly SimulatedOperation[];
}

export interface SimulatedDeployment {
  /** Accounts that get a stack instance now. */
  deployed: Set<string>;
  /** Accounts a call reaches that AWS skips because they are not active. */
  skipped: Set<string>;
}

const TARGET_ID = /^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$/;
const ACCOUNT_ID = /^[0-9]{12}$/;

function parentMap(organization: Organization): Map<string, string> {
  const parents = new Map<string, string>();
  for (const unit of organization.organizationalUnits) parents.set(unit.id, unit.parentId);
  for (const account of organization.accounts) parents.set(account.id, account.parentId);
  return parents;
}

function pathToRoot(parents: Map<string, string>, id: string): string[] {
  const path = [id];
  for (let current = parents.get(id); current !== undefined; current = parents.get(current)) {
    path.push(current);
  }
  return path;
}

/** Checks one call against AWS's request rules; throws what AWS would refuse. */
function checkOperation(operation: SimulatedOperation): void {
  const { organizationalUnitIds: targets, accounts, accountFilterType } = operation;
  if (targets.length < 1 || targets.length > 50) {
    throw new Error(`A call must target 1 to 50 OUs, not ${targets.length}.`);
  }
  if (new Set(targets).size !== targets.length) throw new Error('A call lists an OU twice.');
  for (const id of targets) if (!TARGET_ID.test(id)) throw new Error(`Not an OU or root: ${id}`);
  for (const id of accounts) if (!ACCOUNT_ID.test(id)) throw new Error(`Not an account: ${id}`);
  if (accountFilterType === 'NONE' && accounts.length > 0) {
    throw new Error('NONE takes no accounts.');
  }
  if (
    (accountFilterType === 'INTERSECTION' || accountFilterType === 'DIFFERENCE') &&
    accounts.length === 0
  ) {
    throw new Error(`${accountFilterType} needs accounts.`);
  }
  if (!['NONE', 'INTERSECTION', 'DIFFERENCE'].includes(accountFilterType)) {
    throw new Error(`CreateStackInstances refuses the filter ${accountFilterType}.`);
  }
}

/**
 * Resolves every call of every StackSet. Throws when a call breaks a request rule, or when two
 * StackSets reach the same account (the second stack would fail: the role name is taken).
 */
export function simulateDeployment(
  organization: Organization,
  stackSets: readonly SimulatedStackSet[],
): SimulatedDeployment {
  const parents = parentMap(organization);
  const reachedBy = new Map<string, string>();
  const deployed = new Set<string>();
  const skipped = new Set<string>();
  for (const stackSet of stackSets) {
    for (const operation of stackSet.operations) {
      checkOperation(operation);
      const targets = new Set(operation.organizationalUnitIds);
      const listed = new Set(operation.accounts);
      for (const account of organization.accounts) {
        if (account.id === organization.managementAccountId) continue;
        if (!pathToRoot(parents, account.parentId).some((id) => targets.has(id))) continue;
        const reached =
          operation.accountFilterType === 'NONE' ||
          (operation.accountFilterType === 'INTERSECTION' && listed.has(account.id)) ||
          (operation.accountFilterType === 'DIFFERENCE' && !listed.has(account.id));
        if (!reached) continue;
        const previous = reachedBy.get(account.id);
        if (previous !== undefined && previous !== stackSet.key) {
          throw new Error(`Account ${account.id} is reached by two StackSets.`);
        }
        reachedBy.set(account.id, stackSet.key);
        (account.state === 'ACTIVE' ? deployed : skipped).add(account.id);
      }
    }
  }
  return { deployed, skipped };
}

/** Whether an account added later to `containerId` gets the role by automatic deployment. */
export function receivesNewAccount(
  organization: Organization,
  stackSets: readonly SimulatedStackSet[],
  containerId: string,
): boolean {
  const path = pathToRoot(parentMap(organization), containerId);
  return stackSets.some(
    (stackSet) =>
      stackSet.autoDeployment &&
      stackSet.operations.some((op) => op.organizationalUnitIds.some((id) => path.includes(id))),
  );
}
