/**
 * Very large account lists: every call of the plan must reach exactly the scope (judged by the
 * StackSet simulator) and fit in one argument of the generated script, which the Linux kernel
 * itself judges here by running a program with that argument.
 */
import { spawnSync } from 'node:child_process';

import { EXAMPLE_INPUTS } from '../artefacts/__golden__/examples';
import { generateStackSetScript } from '../artefacts/stackSetScript';
import type { Account, Organization } from '../model/organization';
import type { ScopeSelection } from '../model/values';
import { EMPTY_SCOPE } from '../model/values';
import { simulateDeployment } from '../testing/stackSetSimulator';
import { indexOrganization } from './organizationIndex';
import { MAX_ACCOUNTS_PER_OPERATION, planDeployment } from './plan';
import type { DeploymentPlan } from './types';

const SIZES = { A: 9_500, B: 3_000, C: 6_000, D: 10 } as const;
type Unit = keyof typeof SIZES;
const UNIT_IDS: Record<Unit, string> = {
  A: 'ou-big0-aaaaaaaa',
  B: 'ou-big0-bbbbbbbb',
  C: 'ou-big0-cccccccc',
  D: 'ou-big0-dddddddd',
};

let next = 100_000_000_000;
const accountsOf = {} as Record<Unit, string[]>;
const accounts: Account[] = [];
for (const unit of Object.keys(SIZES) as Unit[]) {
  accountsOf[unit] = [];
  for (let i = 0; i < SIZES[unit]; i += 1) {
    const id = String(next++);
    accountsOf[unit].push(id);
    accounts.push({
      id,
      name: id,
      email: `${id}@example.com`,
      state: 'ACTIVE',
      parentId: UNIT_IDS[unit],
    });
  }
}
const MANAGEMENT_ACCOUNT_ID = '999999999999';
const organization: Organization = {
  id: 'o-bigbigbigb',
  managementAccountId: MANAGEMENT_ACCOUNT_ID,
  root: { id: 'r-big0', name: 'Root' },
  organizationalUnits: (Object.keys(SIZES) as Unit[]).map((unit) => ({
    id: UNIT_IDS[unit],
    name: `Unit ${unit}`,
    parentId: 'r-big0',
  })),
  accounts: [
    ...accounts,
    {
      id: MANAGEMENT_ACCOUNT_ID,
      name: 'Management',
      email: 'm@example.com',
      state: 'ACTIVE',
      parentId: 'r-big0',
    },
  ],
};
const index = indexOrganization(organization);

function plan(selection: Partial<ScopeSelection>): DeploymentPlan {
  return planDeployment(index, { ...EMPTY_SCOPE, ...selection });
}

/** The `--deployment-targets` arguments of the generated script, as bash hands them to `aws`. */
function deploymentTargetArguments(deploymentPlan: DeploymentPlan): string[] {
  const script = generateStackSetScript({
    ...EXAMPLE_INPUTS.ouWithExclusion!,
    plan: deploymentPlan,
  });
  return [...(script ?? '').matchAll(/--deployment-targets '([^']*)'/g)].map((match) => match[1]!);
}

/** Whether the kernel lets a program start with `argument` as one of its arguments. */
function kernelAccepts(argument: string): boolean {
  const result = spawnSync('/bin/true', [argument]);
  if (result.error && (result.error as NodeJS.ErrnoException).code !== 'E2BIG') throw result.error;
  return result.error === undefined && result.status === 0;
}

function expectExactCoverage(deploymentPlan: DeploymentPlan) {
  const { deployed } = simulateDeployment(organization, deploymentPlan.stackSets);
  expect([...deployed].sort()).toEqual(deploymentPlan.coverage.now);
}

describe('given the kernel limit on one argument', () => {
  it('should refuse an argument one byte over 128 KiB, so the checks below can fail', () => {
    expect(kernelAccepts('x'.repeat(131_071))).toBe(true);
    expect(kernelAccepts('x'.repeat(131_072))).toBe(false);
  });
});

describe('given 12,500 accounts picked one by one in two OUs', () => {
  it('should split the picks into calls of at most 8,000 accounts, same OUs, disjoint accounts', () => {
    const picks = [...accountsOf.A, ...accountsOf.B];
    const result = plan({ selected: picks });
    const operations = result.stackSets[0]!.operations;

    expect(
      operations.map((op) => [op.organizationalUnitIds, op.accounts.length, op.accountFilterType]),
    ).toEqual([
      [[UNIT_IDS.A], 8_000, 'INTERSECTION'],
      [[UNIT_IDS.A, UNIT_IDS.B], 4_500, 'INTERSECTION'],
    ]);
    const listed = operations.flatMap((op) => op.accounts);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual([...picks].sort());
    expectExactCoverage(result);
    const argumentsOfScript = deploymentTargetArguments(result);
    expect(argumentsOfScript).toHaveLength(2);
    expect(argumentsOfScript.map(kernelAccepts)).toEqual([true, true]);
  });
});

describe('given selected OUs with many exclusions', () => {
  it('should start a new call where the next OU exclusions would pass 8,000 accounts', () => {
    const result = plan({
      selected: Object.values(UNIT_IDS),
      excluded: [
        ...accountsOf.A.slice(0, 5_000),
        ...accountsOf.B.slice(0, 2_000),
        ...accountsOf.C.slice(0, 4_000),
      ],
    });
    const operations = result.stackSets[0]!.operations;

    expect(
      operations.map((op) => [op.organizationalUnitIds, op.accounts.length, op.accountFilterType]),
    ).toEqual([
      [[UNIT_IDS.A, UNIT_IDS.B], 7_000, 'DIFFERENCE'],
      [[UNIT_IDS.C, UNIT_IDS.D], 4_000, 'DIFFERENCE'],
    ]);
    expect(result.warnings.map((w) => w.code)).not.toContain('exclusionsExceedOneCall');
    expectExactCoverage(result);
    expect(deploymentTargetArguments(result).map(kernelAccepts)).toEqual([true, true]);
  });

  it('should warn when one OU alone has more exclusions than a call can carry', () => {
    const result = plan({
      selected: [UNIT_IDS.A, UNIT_IDS.D],
      excluded: accountsOf.A.slice(0, 9_000),
    });
    const operations = result.stackSets[0]!.operations;

    // An OU's exclusions travel in one call with it: splitting them would deploy to them.
    expect(operations.map((op) => [op.organizationalUnitIds, op.accounts.length])).toEqual([
      [[UNIT_IDS.A], 9_000],
      [[UNIT_IDS.D], 0],
    ]);
    expect(operations[0]!.accounts.length).toBeGreaterThan(MAX_ACCOUNTS_PER_OPERATION);
    expect(result.warnings.find((w) => w.code === 'exclusionsExceedOneCall')).toMatchObject({
      organizationalUnitIds: [UNIT_IDS.A],
      message: expect.stringContaining('Unit A has more than 8,000 exclusions'),
    });
    expectExactCoverage(result);
    // The warning is real: that call's argument is too long for the kernel.
    expect(deploymentTargetArguments(result).map(kernelAccepts)).toEqual([false, true]);
  });
});
