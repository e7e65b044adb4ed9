/**
 * Very large account lists: every call of the plan must reach exactly the scope (judged by the
 * StackSet simulator), and the generated script must hand every call's targets to the AWS CLI,
 * which the Linux kernel itself judges here: bash runs the script with a stand-in `aws` program
 * that records the targets it receives, so an argument over the kernel's limit fails the run.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { EXAMPLE_INPUTS } from '../artefacts/__golden__/examples';
import { generateStackSetScript } from '../artefacts/stackSetScript';
import type { Account, Organization } from '../model/organization';
import type { ScopeSelection } from '../model/values';
import { EMPTY_SCOPE } from '../model/values';
import { simulateDeployment } from '../testing/stackSetSimulator';
import { indexOrganization } from './organizationIndex';
import { MAX_ACCOUNTS_PER_OPERATION, planDeployment } from './plan';
import type { DeploymentPlan } from './types';

const SIZES = { A: 9_500, B: 3_000, C: 7_500, D: 10 } as const;
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

/** The deployment targets one call should send, as the AWS CLI parses them. */
function operationTargets(operation: DeploymentPlan['stackSets'][number]['operations'][number]) {
  return {
    OrganizationalUnitIds: operation.organizationalUnitIds,
    ...(operation.accounts.length > 0 ? { Accounts: operation.accounts } : {}),
    AccountFilterType: operation.accountFilterType,
  };
}

/**
 * A stand-in for the AWS CLI: the management account for `sts`, success for every StackSet call,
 * and for `create-stack-instances` the targets it was given, read from `file://` as the AWS CLI
 * reads them, appended as one line to `$TARGETS_LOG`.
 */
const FAKE_AWS = `#!/usr/bin/env bash
set -euo pipefail
case "$1 $2" in
  'sts get-caller-identity') echo ${MANAGEMENT_ACCOUNT_ID} ;;
  'cloudformation create-stack-instances')
    while [[ $# -gt 0 ]]; do
      if [[ $1 == --deployment-targets ]]; then targets=$2; fi
      shift
    done
    if [[ $targets == file://* ]]; then cat "\${targets#file://}"; else printf '%s' "$targets"; fi >>"$TARGETS_LOG"
    echo >>"$TARGETS_LOG"
    echo operation-id ;;
  'cloudformation describe-stack-set-operation') echo SUCCEEDED ;;
esac
`;

/** Runs the generated script with bash and the stand-in `aws`; the targets of each call, in order. */
function runScript(deploymentPlan: DeploymentPlan): unknown[] {
  const script = generateStackSetScript({
    ...EXAMPLE_INPUTS.ouWithExclusion!,
    plan: deploymentPlan,
  });
  const directory = mkdtempSync(path.join(tmpdir(), 'stackset-limits-'));
  try {
    const bin = path.join(directory, 'bin');
    const temporary = path.join(directory, 'tmp');
    for (const dir of [bin, temporary]) mkdirSync(dir);
    writeFileSync(path.join(bin, 'aws'), FAKE_AWS);
    chmodSync(path.join(bin, 'aws'), 0o755);
    writeFileSync(path.join(directory, 'stackset.sh'), script!);
    const lint = spawnSync('shellcheck', ['--shell=bash', path.join(directory, 'stackset.sh')], {
      encoding: 'utf8',
    });
    expect(lint.stdout).toBe('');
    const log = path.join(directory, 'targets.log');
    writeFileSync(log, '');
    const run = spawnSync('bash', [path.join(directory, 'stackset.sh')], {
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH}`, TARGETS_LOG: log, TMPDIR: temporary },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The files that carried long targets are gone.
    expect(readdirSync(temporary)).toEqual([]);
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
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

  it('should keep the 9,000 exclusions of one OU in one call, and the script pass them through a file', () => {
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
    expectExactCoverage(result);
    // Written inline, that call's targets would be too long for the kernel.
    expect(kernelAccepts(JSON.stringify(operationTargets(operations[0]!)))).toBe(false);
    expect(deploymentTargetArguments(result)).toHaveLength(1);
    expect(runScript(result)).toEqual(operations.map(operationTargets));
  });
});

describe('given 20,000 accounts picked one by one', () => {
  it('should deploy to exactly them in calls the kernel accepts, each within the bound', () => {
    const picks = [...accountsOf.A, ...accountsOf.B, ...accountsOf.C];
    expect(picks).toHaveLength(20_000);
    const result = plan({ selected: picks });
    const operations = result.stackSets.flatMap((stackSet) => stackSet.operations);

    expect(
      operations.map((op) => [op.organizationalUnitIds, op.accounts.length, op.accountFilterType]),
    ).toEqual([
      [[UNIT_IDS.A], 8_000, 'INTERSECTION'],
      [[UNIT_IDS.A, UNIT_IDS.B, UNIT_IDS.C], 8_000, 'INTERSECTION'],
      [[UNIT_IDS.C], 4_000, 'INTERSECTION'],
    ]);
    const listed = operations.flatMap((op) => op.accounts);
    expect(listed.sort()).toEqual([...picks].sort());
    expectExactCoverage(result);
    expect(result.coverage.now).toHaveLength(20_000);
    // Every call inline, and bash hands each one to the program whole.
    expect(deploymentTargetArguments(result).map(kernelAccepts)).toEqual([true, true, true]);
    expect(runScript(result)).toEqual(operations.map(operationTargets));
  });
});
