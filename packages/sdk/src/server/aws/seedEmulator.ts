/**
 * Recreates an organisation in a local AWS API emulator (moto), for tests and the example
 * server. The emulator picks its own organisation, root, OU and account ids, so the answer maps
 * every id of the document to the one the emulator gave it. The management account is the
 * emulator's own account (moto: `MOTO_ACCOUNT_ID`); run the emulator with the document's
 * management account id to keep it. Never point this at real AWS: it creates accounts.
 */
import type { OrganizationsClient } from '@aws-sdk/client-organizations';

import type { Organization } from '@aws-connection-wizard/core';

import type { AwsOrganizationJson } from '../../samples/awsJson';
import { organizationsSdk } from '../peers';
import { createLimiter } from './throttle';

export interface SeededOrganization {
  /** The organisation as the emulator now holds it, in the document's order. */
  organization: Organization;
  /** Each id of the document (organisation, root, OUs, accounts) and the emulator's id for it. */
  emulatorIds: ReadonlyMap<string, string>;
}

/**
 * Creates `document`'s organisation (all features), OUs and accounts in the emulator `client`
 * points at, suspending the accounts the document has suspended.
 */
export async function seedEmulatorOrganization(
  document: AwsOrganizationJson,
  client: OrganizationsClient,
): Promise<SeededOrganization> {
  const {
    CloseAccountCommand,
    CreateAccountCommand,
    CreateOrganizationCommand,
    CreateOrganizationalUnitCommand,
    DescribeAccountCommand,
    ListRootsCommand,
    MoveAccountCommand,
  } = organizationsSdk();
  const limit = createLimiter(4);
  const ids = new Map<string, string>();
  const managementId = document.Organization.MasterAccountId;

  const created = await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const actualManagementId = created.Organization?.MasterAccountId ?? '';
  if (actualManagementId !== managementId) {
    throw new Error(
      `The emulator's account is ${actualManagementId}, not the management account ${managementId}; start it with MOTO_ACCOUNT_ID=${managementId}`,
    );
  }
  ids.set(document.Organization.Id, created.Organization?.Id ?? '');
  const [root] = (await client.send(new ListRootsCommand({}))).Roots ?? [];
  const [documentRoot] = document.Roots;
  if (root?.Id === undefined || documentRoot === undefined) throw new Error('No root to seed');
  ids.set(documentRoot.Id, root.Id);

  // Parents before children: each pass creates the OUs whose parent already exists.
  let pending = [...document.OrganizationalUnits];
  while (pending.length > 0) {
    const ready = pending.filter((unit) => ids.has(unit.ParentId));
    if (ready.length === 0) throw new Error('Some OUs have no parent in the document');
    await Promise.all(
      ready.map((unit) =>
        limit(async () => {
          const answer = await client.send(
            new CreateOrganizationalUnitCommand({
              ParentId: ids.get(unit.ParentId),
              Name: unit.Name,
            }),
          );
          ids.set(unit.Id, answer.OrganizationalUnit?.Id ?? '');
        }),
      ),
    );
    pending = pending.filter((unit) => !ids.has(unit.Id));
  }

  ids.set(managementId, managementId);
  await Promise.all(
    document.Accounts.map((account) =>
      limit(async () => {
        let accountId = managementId;
        if (account.Id !== managementId) {
          // moto finishes CreateAccount at once; real AWS answers IN_PROGRESS and needs polling.
          const answer = await client.send(
            new CreateAccountCommand({ AccountName: account.Name, Email: account.Email }),
          );
          accountId = answer.CreateAccountStatus?.AccountId ?? '';
          ids.set(account.Id, accountId);
        }
        const parentId = ids.get(account.ParentId);
        if (parentId !== root.Id) {
          await client.send(
            new MoveAccountCommand({
              AccountId: accountId,
              SourceParentId: root.Id,
              DestinationParentId: parentId,
            }),
          );
        }
        if (account.State === 'SUSPENDED') {
          await client.send(new CloseAccountCommand({ AccountId: accountId }));
        } else if (account.State !== 'ACTIVE') {
          throw new Error(`The emulator cannot put an account in the state ${account.State}`);
        }
      }),
    ),
  );

  const management = (await client.send(new DescribeAccountCommand({ AccountId: managementId })))
    .Account;
  const mapped = (id: string) => ids.get(id) ?? id;
  return {
    emulatorIds: ids,
    organization: {
      id: mapped(document.Organization.Id),
      managementAccountId: managementId,
      root: { id: root.Id, name: root.Name ?? documentRoot.Name },
      organizationalUnits: document.OrganizationalUnits.map((unit) => ({
        id: mapped(unit.Id),
        name: unit.Name,
        parentId: mapped(unit.ParentId),
      })),
      // The emulator names its own account; the other accounts keep the document's names.
      accounts: document.Accounts.map((account) => ({
        id: mapped(account.Id),
        name: account.Id === managementId ? (management?.Name ?? account.Name) : account.Name,
        email: account.Id === managementId ? (management?.Email ?? account.Email) : account.Email,
        state: account.State,
        parentId: mapped(account.ParentId),
      })),
    },
  };
}
