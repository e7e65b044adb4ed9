/**
 * Types of the scope rules: the indexed organisation tree, the state of each node in the tree
 * view, and the deployment plan that realises a selection with CloudFormation StackSets.
 */
import type { Account, Organization } from '../model/organization';
import type { ManagementAccountDecision } from '../model/values';

export type NodeKind = 'root' | 'organizationalUnit' | 'account';

export interface OrganizationNode {
  id: string;
  kind: NodeKind;
  name: string;
  /** `null` for the root. */
  parentId: string | null;
  /** Child OUs first, then accounts, each sorted by name then id. */
  childIds: readonly string[];
  /** 0 for the root. */
  depth: number;
  /** Set for accounts only. */
  account: Account | null;
  /** Accounts anywhere below this node (1 for an account). */
  accountCount: number;
}

/** An organisation indexed once for fast scope rules on tens of thousands of accounts. */
export interface OrganizationIndex {
  readonly organization: Organization;
  readonly rootId: string;
  readonly managementAccountId: string;
  readonly nodes: ReadonlyMap<string, OrganizationNode>;
}

export type CheckState = 'checked' | 'indeterminate' | 'unchecked';

/** Why a node shows the check state it shows. */
export type ScopeReason =
  /** The user selected this node. */
  | 'selected'
  /** A selected ancestor covers this node. */
  | 'inherited'
  /** An account the user left out of a selected ancestor. */
  | 'excluded'
  /** The management account, covered by a selected ancestor, that the user chose not to include. */
  | 'managementAccountExcluded'
  /** The management account, covered by a selected ancestor, while the user has not answered yet. */
  | 'managementAccountUndecided'
  /** Some, not all, of what lies below is in scope. */
  | 'partial'
  | 'none';

export interface NodeScope {
  checkState: CheckState;
  reason: ScopeReason;
  /** False for accounts that cannot take a stack instance now (suspended, closing, closed). */
  selectable: boolean;
  /** True for the management account; StackSets never deploy to it. */
  isManagementAccount: boolean;
  /**
   * For a root or OU: whether accounts added to it later get the role by automatic deployment
   * (it is in the plan's `coverage.futureOus`). Always false for accounts.
   */
  coversNewAccounts: boolean;
}

export type ManagementAccountCoverage =
  /** Not covered by the selection. */
  | 'none'
  /** The user selected the management account itself: it is in scope. */
  | 'direct'
  /** A selected root or OU contains it: the user must decide whether to include it. */
  | 'ancestor';

export interface ManagementAccountScope {
  id: string;
  coverage: ManagementAccountCoverage;
  /** The user's answer, when coverage is `ancestor`. */
  decision: ManagementAccountDecision | null;
  /** True while coverage is `ancestor` and no decision was made: the Scope step cannot complete. */
  needsDecision: boolean;
  /** Whether the role will be created there (by its own command, never by the StackSet). */
  inScope: boolean;
}

/** AWS's account filter types that this product sends; `UNION` is refused by CreateStackInstances. */
export type AccountFilterType = 'NONE' | 'INTERSECTION' | 'DIFFERENCE';

/**
 * One `create-stack-instances` call. At most 50 OU or root ids and, except for a `DIFFERENCE`
 * whose one target has more exclusions than that, at most 8,000 accounts.
 */
export interface StackSetOperation {
  organizationalUnitIds: string[];
  accounts: string[];
  accountFilterType: AccountFilterType;
}

export interface PlannedStackSet {
  /**
   * `organization` targets the selected root and OUs with automatic deployment on;
   * `accounts` targets accounts picked one by one, with automatic deployment off.
   */
  key: 'organization' | 'accounts';
  autoDeployment: boolean;
  operations: StackSetOperation[];
}

export type ScopeWarningCode =
  /** Automatic deployment will reach new accounts of OUs where only some accounts were picked. */
  | 'autoDeploymentWiderThanPicks'
  /** Suspended or closing accounts in scope: StackSets skip them. */
  | 'unavailableAccountsSkipped'
  /** An account picked under the root directly: automatic deployment would reach the whole organisation. */
  | 'autoDeploymentReachesWholeOrganization'
  /**
   * Accounts excluded inside automatically deployed OUs: AWS's automatic deployment ignores
   * account filters, so an excluded account moved into (or within) those OUs later gets the role.
   */
  | 'exclusionsIgnoredByAutomaticDeployment';

export interface ScopeWarning {
  code: ScopeWarningCode;
  /** A plain English sentence; UIs translate by `code` and use the ids. */
  message: string;
  accountIds: string[];
  organizationalUnitIds: string[];
}

/** The single source of truth for the tree, the scope summary and every artefact. */
export interface DeploymentPlan {
  /** Zero, one or two StackSets, in the order the script creates them. */
  stackSets: PlannedStackSet[];
  managementAccount: ManagementAccountScope;
  coverage: {
    /** Accounts that get the role now: by a StackSet or by the management-account command. Sorted. */
    now: string[];
    /** Accounts the user excluded. Sorted. */
    excluded: string[];
    /** Accounts in scope that StackSets will skip while suspended or closing. Sorted. */
    skipped: string[];
    /** Root and OU ids whose accounts added later get the role automatically. Sorted. */
    futureOus: string[];
  };
  warnings: ScopeWarning[];
}
