/**
 * Organisations generated for property-based tests and benchmarks: random trees up to AWS's
 * depth limit (five OU levels below the root), with empty OUs, accounts in every lifecycle state
 * and the management account anywhere. Not exported from the package.
 */
import fc from 'fast-check';

import type { Account, Organization } from '../model/organization';

/** OUs nest at most five levels below the root. See https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html */
export const MAX_OU_DEPTH = 5;

const NAMES = ['alpha', 'beta', 'Beta', 'gamma'];

interface Shape {
  /** For each OU, a number that picks its parent among the containers made before it. */
  organizationalUnitParents: number[];
  organizationalUnitIds: number[];
  accounts: Array<{ parent: number; id: number; state: Account['state']; name: number }>;
  management: number;
}

function buildOrganization(rootId: string, shape: Shape): Organization {
  const containers: Array<{ id: string; depth: number }> = [{ id: rootId, depth: 0 }];
  const rootPart = rootId.slice(2);
  const organizationalUnits = shape.organizationalUnitParents.map((pick, i) => {
    const parents = containers.filter((c) => c.depth < MAX_OU_DEPTH);
    const parent = parents[pick % parents.length]!;
    const id = `ou-${rootPart}-${shape.organizationalUnitIds[i]!.toString(36).padStart(8, '0')}`;
    containers.push({ id, depth: parent.depth + 1 });
    return { id, name: NAMES[pick % NAMES.length]!, parentId: parent.id };
  });
  const accounts = shape.accounts.map(({ parent, id, state, name }, i) => ({
    id: String(id).padStart(12, '0'),
    name: NAMES[name % NAMES.length]!,
    email: `account${i}@example.com`,
    state: i === shape.management % shape.accounts.length ? 'ACTIVE' : state,
    parentId: containers[parent % containers.length]!.id,
  }));
  return {
    id: 'o-generated0',
    managementAccountId: accounts[shape.management % accounts.length]!.id,
    root: { id: rootId, name: 'Root' },
    organizationalUnits,
    accounts,
  };
}

const stateArbitrary: fc.Arbitrary<Account['state']> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('ACTIVE' as const) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'SUSPENDED' as const,
      'PENDING_CLOSURE' as const,
      'CLOSED' as const,
      'PENDING_ACTIVATION' as const,
    ),
  },
);

/** A random organisation of up to `maxOrganizationalUnits` OUs and `maxAccounts` accounts. */
export function organizationArbitrary({
  maxOrganizationalUnits = 14,
  maxAccounts = 24,
} = {}): fc.Arbitrary<Organization> {
  return fc
    .record({
      organizationalUnitParents: fc.array(fc.nat(), { maxLength: maxOrganizationalUnits }),
      organizationalUnitIds: fc.uniqueArray(fc.nat({ max: 36 ** 8 - 1 }), {
        minLength: maxOrganizationalUnits,
        maxLength: maxOrganizationalUnits,
      }),
      accounts: fc.uniqueArray(
        fc.record({
          parent: fc.nat(),
          id: fc.nat({ max: 999_999_999_999 }),
          state: stateArbitrary,
          name: fc.nat(),
        }),
        { minLength: 1, maxLength: maxAccounts, selector: (account) => account.id },
      ),
      management: fc.nat(),
    })
    .map((shape) => buildOrganization('r-gen0', shape));
}

/** A small deterministic pseudo-random generator (mulberry32), so benchmarks are repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A large organisation built from a seed: `organizationalUnits` OUs spread over the five levels
 * (2,000 is AWS's default OU quota) and `accounts` accounts, a few of them suspended.
 */
export function generateOrganization({
  organizationalUnits,
  accounts,
  seed = 1,
}: {
  organizationalUnits: number;
  accounts: number;
  seed?: number;
}): Organization {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return buildOrganization('r-bench', {
    organizationalUnitParents: Array.from({ length: organizationalUnits }, () => pick(2 ** 31)),
    organizationalUnitIds: Array.from({ length: organizationalUnits }, (_, i) => i),
    accounts: Array.from({ length: accounts }, (_, i) => ({
      parent: pick(2 ** 31),
      id: 100_000_000_000 + i,
      state: random() < 0.02 ? 'SUSPENDED' : 'ACTIVE',
      name: pick(2 ** 31),
    })),
    management: 0,
  });
}
