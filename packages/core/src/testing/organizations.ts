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
  /**
   * How many of the first OUs form a chain, each inside the one before: 5 guarantees an OU at
   * AWS's deepest level (depth 5), which random parents reach only now and then.
   */
  chain?: number;
  accounts: Array<{ parent: number; id: number; state: Account['state']; name: number }>;
  management: number;
}

function buildOrganization(rootId: string, shape: Shape): Organization {
  const containers: Array<{ id: string; depth: number }> = [{ id: rootId, depth: 0 }];
  const rootPart = rootId.slice(2);
  const chain = Math.min(shape.chain ?? 0, MAX_OU_DEPTH);
  const organizationalUnits = shape.organizationalUnitParents.map((pick, i) => {
    const parents = containers.filter((c) => c.depth < MAX_OU_DEPTH);
    const parent = i < chain ? containers[i]! : parents[pick % parents.length]!;
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

interface ShapeOptions {
  minOrganizationalUnits: number;
  maxOrganizationalUnits: number;
  maxAccounts: number;
  chain: number;
  /** An arbitrary for the number that picks each OU's parent (0 is always the root). */
  parent: fc.Arbitrary<number>;
}

function shapeArbitrary(options: ShapeOptions): fc.Arbitrary<Shape> {
  const { minOrganizationalUnits, maxOrganizationalUnits, maxAccounts, chain } = options;
  return fc.record({
    organizationalUnitParents: fc.array(options.parent, {
      minLength: minOrganizationalUnits,
      maxLength: maxOrganizationalUnits,
    }),
    organizationalUnitIds: fc.uniqueArray(fc.nat({ max: 36 ** 8 - 1 }), {
      minLength: maxOrganizationalUnits,
      maxLength: maxOrganizationalUnits,
    }),
    chain: fc.constant(chain),
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
  });
}

/**
 * A random organisation of up to `maxOrganizationalUnits` OUs and `maxAccounts` accounts, drawn
 * from three kinds so that every case the scope rules must handle occurs in every run:
 * - small: 0 to 30 OUs anywhere (empty OUs, the management account anywhere, unusual states);
 * - deep: a chain of five nested OUs first and up to 25 more, so an OU at AWS's depth limit of
 *   5 always exists;
 * - wide: 55 to 90 OUs, most of them directly under the root, so that selecting the root and
 *   then deselecting one OU inside it selects more than 50 OUs, which CreateStackInstances takes
 *   in several calls.
 */
export function organizationArbitrary({
  maxOrganizationalUnits = 30,
  maxAccounts = 40,
} = {}): fc.Arbitrary<Organization> {
  return fc
    .oneof(
      {
        weight: 2,
        arbitrary: shapeArbitrary({
          minOrganizationalUnits: 0,
          maxOrganizationalUnits,
          maxAccounts,
          chain: 0,
          parent: fc.nat(),
        }),
      },
      {
        weight: 2,
        arbitrary: shapeArbitrary({
          minOrganizationalUnits: MAX_OU_DEPTH,
          maxOrganizationalUnits: Math.max(maxOrganizationalUnits, MAX_OU_DEPTH),
          maxAccounts,
          chain: MAX_OU_DEPTH,
          parent: fc.nat(),
        }),
      },
      {
        weight: 1,
        arbitrary: shapeArbitrary({
          minOrganizationalUnits: 55,
          maxOrganizationalUnits: 90,
          maxAccounts: 2 * maxAccounts,
          chain: 0,
          parent: fc.oneof(
            { weight: 4, arbitrary: fc.constant(0) },
            { weight: 1, arbitrary: fc.nat() },
          ),
        }),
      },
    )
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
