/**
 * Turns a nested, readable description of an organisation into the flat `Organization` that
 * adapters return. The sample organisations are written as specs so their shape can be read
 * at a glance; ids are literal so tests and stories can name them.
 */
import type {
  Account,
  AccountState,
  Organization,
  OrganizationalUnit,
} from '@aws-connection-wizard/core';

/** `[id, name]` or `[id, name, state]`; the state defaults to `ACTIVE`. */
export type AccountSpec = readonly [id: string, name: string, state?: AccountState];

export interface UnitSpec {
  id: string;
  name: string;
  accounts?: readonly AccountSpec[];
  units?: readonly UnitSpec[];
}

export interface OrganizationSpec {
  id: string;
  managementAccountId: string;
  rootId: string;
  /** Account emails are `aws+<account-name>@<emailDomain>`. */
  emailDomain: string;
  /** Accounts directly under the root. */
  accounts: readonly AccountSpec[];
  units: readonly UnitSpec[];
}

function emailFor(name: string, domain: string): string {
  const local = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

  return `aws+${local}@${domain}`;
}

export function buildOrganization(spec: OrganizationSpec): Organization {
  const organizationalUnits: OrganizationalUnit[] = [];
  const accounts: Account[] = [];

  const addAccounts = (parentId: string, specs: readonly AccountSpec[] = []) => {
    for (const [id, name, state = 'ACTIVE'] of specs) {
      accounts.push({ id, name, email: emailFor(name, spec.emailDomain), state, parentId });
    }
  };
  const addUnits = (parentId: string, units: readonly UnitSpec[] = []) => {
    for (const unit of units) {
      organizationalUnits.push({ id: unit.id, name: unit.name, parentId });
      addAccounts(unit.id, unit.accounts);
      addUnits(unit.id, unit.units);
    }
  };

  addAccounts(spec.rootId, spec.accounts);
  addUnits(spec.rootId, spec.units);

  return {
    id: spec.id,
    managementAccountId: spec.managementAccountId,
    root: { id: spec.rootId, name: 'Root' },
    organizationalUnits,
    accounts,
  };
}
