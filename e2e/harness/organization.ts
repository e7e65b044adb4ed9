/**
 * Seeds the emulator with an organisation given in core's `Organization` shape, and reads the
 * tree back in that same shape. moto chooses every OU and account ID itself (only the
 * management account's ID can be set, through `MOTO_ACCOUNT_ID`), so the seeded organisation
 * is always the one read back, with a map from the given IDs and names to the real ones.
 */
import type { Account, AccountState, Organization } from '@aws-connection-wizard/core';

import { aws } from './aws';
import type { MotoServer } from './aws';

/**
 * moto has two account states: new accounts are ACTIVE and `close-account` makes one SUSPENDED.
 * Other states are seeded as the nearest of these, and the difference is reported: closing and
 * closed accounts are suspended (none can take a stack instance), and an account still pending
 * activation stays ACTIVE.
 */
const SEEDED_STATE: Record<AccountState, 'ACTIVE' | 'SUSPENDED'> = {
  PENDING_ACTIVATION: 'ACTIVE',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  PENDING_CLOSURE: 'SUSPENDED',
  CLOSED: 'SUSPENDED',
};

export interface AccountStateDifference {
  /** The account's real ID. */
  accountId: string;
  name: string;
  given: AccountState;
  seeded: AccountState;
}

export interface SeededOrganization {
  /** The organisation as moto now reports it, with the real IDs. */
  organization: Organization;
  /** Real ID of each root, OU and account, keyed by the ID it had in the given organisation. */
  ids: ReadonlyMap<string, string>;
  /** Real ID of the OU or account with this name; throws when none or several have it. */
  idOf(name: string): string;
  /** Accounts whose given state moto cannot hold, and the state they were seeded with. */
  stateDifferences: AccountStateDifference[];
}

interface AwsOu {
  Id: string;
  Name: string;
}
interface AwsAccount {
  Id: string;
  Name: string;
  Email: string;
  State?: string;
  Status?: string;
}

/**
 * Creates the organisation (all features, as service-managed StackSets require), its OUs under
 * the right parents, and its accounts, moved into place and suspended where asked. The moto
 * server must have been started with the organisation's management account ID.
 */
export async function seedOrganization(
  moto: MotoServer,
  given: Organization,
): Promise<SeededOrganization> {
  if (moto.accountId !== given.managementAccountId) {
    throw new Error(
      `moto answers as ${moto.accountId}; start it with the management account ${given.managementAccountId}.`,
    );
  }
  await aws(moto, ['organizations', 'create-organization', '--feature-set', 'ALL']);
  const roots = await aws<{ Roots: AwsOu[] }>(moto, ['organizations', 'list-roots']);
  const rootId = roots.Roots[0].Id;
  const ids = new Map<string, string>([[given.root.id, rootId]]);

  for (const unit of parentsFirst(given)) {
    const created = await aws<{ OrganizationalUnit: AwsOu }>(moto, [
      'organizations',
      'create-organizational-unit',
      '--parent-id',
      realId(ids, unit.parentId),
      '--name',
      unit.name,
    ]);
    ids.set(unit.id, created.OrganizationalUnit.Id);
  }

  for (const account of given.accounts) {
    const accountId =
      account.id === given.managementAccountId
        ? account.id
        : await createAccount(moto, account.name, account.email);
    ids.set(account.id, accountId);
    const parentId = realId(ids, account.parentId);
    if (parentId !== rootId) {
      await aws(moto, [
        'organizations',
        'move-account',
        '--account-id',
        accountId,
        '--source-parent-id',
        rootId,
        '--destination-parent-id',
        parentId,
      ]);
    }
    if (SEEDED_STATE[account.state] === 'SUSPENDED') {
      await aws(moto, ['organizations', 'close-account', '--account-id', accountId]);
    }
  }

  const organization = await readOrganization(moto);
  const stateDifferences = given.accounts.flatMap((account): AccountStateDifference[] => {
    const accountId = ids.get(account.id) as string;
    const seededState = organization.accounts.find((found) => found.id === accountId)?.state;
    return seededState && seededState !== account.state
      ? [{ accountId, name: account.name, given: account.state, seeded: seededState }]
      : [];
  });
  return { organization, ids, idOf: (name) => idByName(organization, name), stateDifferences };
}

async function createAccount(moto: MotoServer, name: string, email: string): Promise<string> {
  const created = await aws<{ CreateAccountStatus: { AccountId?: string; State: string } }>(moto, [
    'organizations',
    'create-account',
    '--account-name',
    name,
    '--email',
    email,
  ]);
  const { AccountId, State } = created.CreateAccountStatus;
  if (!AccountId || State !== 'SUCCEEDED') {
    throw new Error(`create-account for "${name}" ended in ${State}.`);
  }
  return AccountId;
}

/** OUs ordered so that every OU comes after its parent. */
function parentsFirst(given: Organization): Organization['organizationalUnits'] {
  const placed = new Set([given.root.id]);
  const ordered: Organization['organizationalUnits'] = [];
  let pending = given.organizationalUnits;
  while (pending.length > 0) {
    const ready = pending.filter((unit) => placed.has(unit.parentId));
    if (ready.length === 0) {
      const names = pending.map((unit) => unit.name).join(', ');
      throw new Error(`These OUs have no parent in the organisation: ${names}.`);
    }
    for (const unit of ready) placed.add(unit.id);
    ordered.push(...ready);
    pending = pending.filter((unit) => !placed.has(unit.id));
  }
  return ordered;
}

function realId(ids: ReadonlyMap<string, string>, givenId: string): string {
  const id = ids.get(givenId);
  if (id === undefined) throw new Error(`No parent with ID ${givenId} was seeded.`);
  return id;
}

/** Reads the whole tree with the List* calls, parent by parent; awscli follows `NextToken`. */
export async function readOrganization(moto: Pick<MotoServer, 'env'>): Promise<Organization> {
  const described = await aws<{ Organization: { Id: string; MasterAccountId: string } }>(moto, [
    'organizations',
    'describe-organization',
  ]);
  const roots = await aws<{ Roots: AwsOu[] }>(moto, ['organizations', 'list-roots']);
  const root = roots.Roots[0];

  const organization: Organization = {
    id: described.Organization.Id,
    managementAccountId: described.Organization.MasterAccountId,
    root: { id: root.Id, name: root.Name },
    organizationalUnits: [],
    accounts: [],
  };
  const parents = [root.Id];
  while (parents.length > 0) {
    const parentId = parents.shift() as string;
    const units = await aws<{ OrganizationalUnits: AwsOu[] }>(moto, [
      'organizations',
      'list-organizational-units-for-parent',
      '--parent-id',
      parentId,
    ]);
    for (const unit of units.OrganizationalUnits) {
      organization.organizationalUnits.push({ id: unit.Id, name: unit.Name, parentId });
      parents.push(unit.Id);
    }
    const accounts = await aws<{ Accounts: AwsAccount[] }>(moto, [
      'organizations',
      'list-accounts-for-parent',
      '--parent-id',
      parentId,
    ]);
    for (const account of accounts.Accounts) {
      organization.accounts.push({
        id: account.Id,
        name: account.Name,
        email: account.Email,
        state: (account.State ?? account.Status) as Account['state'],
        parentId,
      });
    }
  }
  return organization;
}

function idByName(organization: Organization, name: string): string {
  const matches = [
    ...organization.organizationalUnits.filter((unit) => unit.name === name),
    ...organization.accounts.filter((account) => account.name === name),
  ];
  if (organization.root.name === name) matches.push({ ...organization.root, parentId: '' });
  if (matches.length !== 1) {
    throw new Error(`${matches.length} nodes are named "${name}"; use the ids map instead.`);
  }
  return matches[0].id;
}
