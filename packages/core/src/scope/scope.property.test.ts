/**
 * Property-based tests of the scope rules: random organisations (depth up to AWS's limit of 5,
 * the management account anywhere, empty OUs, accounts in every state, sometimes more than 50
 * OUs to select) and random click sequences (selections, splits, exclusions, clicks on the
 * management account, its prompt, the choice for picked accounts). Each plan is judged by the
 * StackSet simulator, which models AWS from its documentation and shares no code with the planner.
 */
import { readFileSync } from 'node:fs';

import fc from 'fast-check';

import type { Organization } from '../model/organization';
import type { ScopeSelection } from '../model/values';
import { EMPTY_SCOPE } from '../model/values';
import { MAX_OU_DEPTH, organizationArbitrary } from '../testing/organizations';
import { receivesNewAccount, simulateDeployment } from '../testing/stackSetSimulator';
import { createScopeView } from './nodeScope';
import { indexOrganization, isSelectableAccount, selectedAncestorOf } from './organizationIndex';
import { MAX_ORGANIZATIONAL_UNITS_PER_OPERATION, planDeployment } from './plan';
import { normalizeSelection, setManagementAccountDecision } from './selection';
import { getScopeSummary } from './summary';
import { toggleNode } from './toggle';
import type { DeploymentPlan, OrganizationIndex } from './types';

type Step =
  /** A click on any node. */
  | { kind: 'toggle'; pick: number }
  /** A click on the root. */
  | { kind: 'toggleRoot' }
  /** A click on an OU inside a selected root or OU: a split. */
  | { kind: 'split'; pick: number }
  /** A click on an account inside a selected root or OU: an exclusion, or an inclusion again. */
  | { kind: 'exclude'; pick: number }
  /** A click on the management account. */
  | { kind: 'managementClick' }
  /** An answer to the management-account prompt. */
  | { kind: 'decide'; decision: 'include' | 'exclude' }
  /** The choice for accounts picked one by one. */
  | { kind: 'autoDeployment'; value: 'on' | 'off' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('toggle' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggleRoot' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('exclude' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('managementClick' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      decision: fc.constantFrom('include' as const, 'exclude' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('autoDeployment' as const),
      value: fc.constantFrom('on' as const, 'off' as const),
    }),
  },
);

const stepsArbitrary = fc.array(stepArbitrary, { maxLength: 30 });

function nodeIds(organization: Organization): string[] {
  return [
    organization.root.id,
    ...organization.organizationalUnits.map((unit) => unit.id),
    ...organization.accounts.map((account) => account.id),
  ];
}

/** What the clicks did, for the checks that every case occurs. */
interface Trace {
  splits: number;
  managementClicks: number;
}

function applySteps(organization: Organization, steps: Step[], trace?: Trace): ScopeSelection {
  const index = indexOrganization(organization);
  const ids = nodeIds(organization);
  const coveredOf = (selection: ScopeSelection, kind: 'organizationalUnit' | 'account') => {
    const selected = new Set(selection.selected);
    return ids.filter(
      (id) =>
        index.nodes.get(id)!.kind === kind && selectedAncestorOf(index, id, selected) !== null,
    );
  };
  const pickFrom = (list: string[], pick: number) =>
    list.length === 0 ? null : list[pick % list.length]!;

  return steps.reduce<ScopeSelection>((selection, step) => {
    switch (step.kind) {
      case 'toggle':
        return toggleNode(index, selection, ids[step.pick % ids.length]!);
      case 'toggleRoot':
        return toggleNode(index, selection, index.rootId);
      case 'split': {
        const id = pickFrom(coveredOf(selection, 'organizationalUnit'), step.pick);
        if (id !== null && trace) trace.splits += 1;
        return id === null ? selection : toggleNode(index, selection, id);
      }
      case 'exclude': {
        const id = pickFrom(coveredOf(selection, 'account'), step.pick);
        return id === null ? selection : toggleNode(index, selection, id);
      }
      case 'managementClick':
        if (trace) trace.managementClicks += 1;
        return toggleNode(index, selection, index.managementAccountId);
      case 'decide':
        return setManagementAccountDecision(index, selection, step.decision);
      case 'autoDeployment':
        return { ...selection, pickedAccountsAutoDeployment: step.value };
    }
  }, EMPTY_SCOPE);
}

/** Parent of every node, read from the raw organisation. */
function parentsOf(organization: Organization): Map<string, string> {
  const parents = new Map<string, string>();
  for (const unit of organization.organizationalUnits) parents.set(unit.id, unit.parentId);
  for (const account of organization.accounts) parents.set(account.id, account.parentId);
  return parents;
}

function isBelow(parents: Map<string, string>, id: string, ancestorId: string): boolean {
  for (let p = parents.get(id); p !== undefined; p = parents.get(p)) {
    if (p === ancestorId) return true;
  }
  return false;
}

/** The accounts a selection means, read straight from the raw tree: the scope the user sees. */
function intendedScope(organization: Organization, selection: ScopeSelection): Set<string> {
  const parents = parentsOf(organization);
  const selected = new Set(selection.selected);
  const scope = new Set<string>();
  for (const account of organization.accounts) {
    const isManagement = account.id === organization.managementAccountId;
    const covered = [...selected].some((id) => isBelow(parents, account.id, id));
    if (selected.has(account.id)) scope.add(account.id);
    else if (!covered) continue;
    else if (
      isManagement
        ? selection.managementAccount === 'include'
        : !selection.excluded.includes(account.id)
    ) {
      scope.add(account.id);
    }
  }
  return scope;
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

function depthOf(organization: Organization): number {
  const parents = parentsOf(organization);
  let deepest = 0;
  for (const unit of organization.organizationalUnits) {
    let depth = 0;
    for (let p = unit.id; p !== organization.root.id; p = parents.get(p)!) depth += 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

const RUNS = { numRuns: 1_000 };

describe('given random organisations and random clicks', () => {
  it('should plan operations that AWS resolves to exactly the accounts covered now', () => {
    // How often each case the rules must handle occurred; every one must occur in every run.
    const seen = {
      depthFive: 0,
      moreThan50Targets: 0,
      splits: 0,
      managementClicks: 0,
      managementInsideOu: 0,
      emptyOu: 0,
      skipped: 0,
      exclusions: 0,
      picksOn: 0,
      picksOff: 0,
    };
    fc.assert(
      fc.property(organizationArbitrary(), stepsArbitrary, (organization, steps) => {
        const trace = { splits: 0, managementClicks: 0 };
        const selection = applySteps(organization, steps, trace);
        const index = indexOrganization(organization);
        const plan = planDeployment(index, selection);
        const { deployed, skipped } = simulateDeployment(organization, plan.stackSets);
        const expectedNow = new Set(deployed);
        if (plan.managementAccount.inScope) expectedNow.add(organization.managementAccountId);

        expect(plan.coverage.now).toEqual(sorted(expectedNow));
        expect(plan.coverage.skipped).toEqual(sorted(skipped));
        for (const id of plan.coverage.excluded) {
          expect(deployed.has(id) || skipped.has(id) || plan.coverage.now.includes(id)).toBe(false);
        }
        // What AWS does is what the selection means.
        expect(sorted([...plan.coverage.now, ...plan.coverage.skipped])).toEqual(
          sorted(intendedScope(organization, selection)),
        );
        // No click selects an account that cannot take the role.
        for (const id of selection.selected) {
          const account = index.nodes.get(id)!.account;
          expect([id, account === null || isSelectableAccount(account)]).toEqual([id, true]);
        }

        if (depthOf(organization) === MAX_OU_DEPTH) seen.depthFive += 1;
        const targets = plan.stackSets
          .flatMap((s) => s.operations)
          .map((op) => op.organizationalUnitIds);
        if (targets.some((ids) => ids.length === MAX_ORGANIZATIONAL_UNITS_PER_OPERATION)) {
          seen.moreThan50Targets += 1;
        }
        seen.splits += trace.splits > 0 ? 1 : 0;
        seen.managementClicks += trace.managementClicks > 0 ? 1 : 0;
        const management = index.nodes.get(index.managementAccountId)!;
        if (management.parentId !== index.rootId) seen.managementInsideOu += 1;
        if (
          organization.organizationalUnits.some((u) => index.nodes.get(u.id)!.accountCount === 0)
        ) {
          seen.emptyOu += 1;
        }
        if (plan.coverage.skipped.length > 0) seen.skipped += 1;
        if (selection.excluded.length > 0) seen.exclusions += 1;
        const hasPicks = selection.selected.some(
          (id) => id !== index.managementAccountId && index.nodes.get(id)!.kind === 'account',
        );
        if (hasPicks && selection.pickedAccountsAutoDeployment === 'on') seen.picksOn += 1;
        if (hasPicks && selection.pickedAccountsAutoDeployment === 'off') seen.picksOff += 1;
      }),
      RUNS,
    );
    // Often, not rarely: a share of the runs for each case (far below what the arbitraries
    // give, so a run never fails by chance), and at least a few runs for the rarest.
    const often = { depthFive: 0.25, managementInsideOu: 0.25, emptyOu: 0.25, splits: 0.08 };
    for (const [name, count] of Object.entries(seen)) {
      const share = often[name as keyof typeof often] ?? 0.01;
      expect([name, count >= Math.max(1, share * RUNS.numRuns)]).toEqual([name, true]);
    }
  });

  it('should pass the role on to new accounts of exactly the OUs the tree and summary claim', () => {
    fc.assert(
      fc.property(organizationArbitrary(), stepsArbitrary, (organization, steps) => {
        const index = indexOrganization(organization);
        const plan = planDeployment(index, applySteps(organization, steps));
        const view = createScopeView(index, plan);
        const parents = parentsOf(organization);
        // The summary names the outermost OUs; each covers every OU inside it.
        const summarised = new Set<string>();
        for (const { id } of getScopeSummary(index, plan).future) {
          summarised.add(id);
          for (const unit of organization.organizationalUnits) {
            if (isBelow(parents, unit.id, id)) summarised.add(unit.id);
          }
        }
        for (const id of [
          organization.root.id,
          ...organization.organizationalUnits.map((u) => u.id),
        ]) {
          const simulated = receivesNewAccount(organization, plan.stackSets, id);
          expect([id, plan.coverage.futureOus.includes(id)]).toEqual([id, simulated]);
          expect([id, view.nodeScope(id).coversNewAccounts]).toEqual([id, simulated]);
          expect([id, summarised.has(id)]).toEqual([id, simulated]);
        }
      }),
      RUNS,
    );
  });

  it('should show every node the check state that the plan and the selection mean', () => {
    fc.assert(
      fc.property(organizationArbitrary(), stepsArbitrary, (organization, steps) => {
        const index = indexOrganization(organization);
        const selection = applySteps(organization, steps);
        const plan = planDeployment(index, selection);
        const view = createScopeView(index, plan);
        const expected = expectedStates(organization, plan, selection);
        for (const [id, state] of expected) {
          const { checkState, reason } = view.nodeScope(id);
          expect({ id, checkState, reason }).toEqual({ id, ...state });
        }
      }),
      RUNS,
    );
  });

  it('should keep every result normalised, and normalising again change nothing', () => {
    fc.assert(
      fc.property(organizationArbitrary(), stepsArbitrary, (organization, steps) => {
        const index = indexOrganization(organization);
        const selection = applySteps(organization, steps);
        expect(normalizeSelection(index, selection)).toEqual(selection);
        const scrambled = {
          ...selection,
          selected: [...selection.selected].reverse().concat(selection.selected),
          excluded: [...selection.excluded].reverse(),
        };
        const normal = normalizeSelection(index, scrambled);
        expect(normalizeSelection(index, normal)).toEqual(normal);
        expect(JSON.stringify(planDeployment(index, scrambled))).toBe(
          JSON.stringify(planDeployment(index, selection)),
        );
      }),
      RUNS,
    );
  });

  it('should take exactly the split OU out of scope and leave the rest as it was', () => {
    fc.assert(
      fc.property(
        organizationArbitrary(),
        stepsArbitrary,
        fc.nat(),
        (organization, steps, pick) => {
          const index = indexOrganization(organization);
          const parents = parentsOf(organization);
          const before = applySteps(organization, steps);
          const ancestorOf = (id: string) => before.selected.find((s) => isBelow(parents, id, s));
          const covered = organization.organizationalUnits.filter((u) => ancestorOf(u.id));
          fc.pre(covered.length > 0);
          const unit = covered[pick % covered.length]!;
          const ancestor = ancestorOf(unit.id)!;
          const after = toggleNode(index, before, unit.id);

          // Leaves: everything below the OU, and the suspended, closing or closed accounts directly
          // in a container between it and the selected ancestor, which no click may select.
          const onPath = new Set<string>();
          for (let p = parents.get(unit.id)!; ; p = parents.get(p)!) {
            onPath.add(p);
            if (p === ancestor) break;
          }
          const leaves = (id: string) => {
            const account = organization.accounts.find((a) => a.id === id)!;
            return (
              isBelow(parents, id, unit.id) ||
              (onPath.has(account.parentId) && !isSelectableAccount(account))
            );
          };
          const expected = sorted(
            [...intendedScope(organization, before)].filter((id) => !leaves(id)),
          );
          expect(sorted(intendedScope(organization, after))).toEqual(expected);
          // The OU shows unchecked, unless automatic deployment for picks in a container above
          // it still reaches its new accounts: then the tree says so rather than hide it.
          const view = createScopeView(index, planDeployment(index, after));
          const { checkState, coversNewAccounts } = view.nodeScope(unit.id);
          if (!coversNewAccounts) expect(checkState).toBe('unchecked');
          else expect(after.pickedAccountsAutoDeployment).toBe('on');
        },
      ),
      RUNS,
    );
  });
});

/** The check state and reason of every node, from the raw tree, the plan's lists and the selection. */
function expectedStates(
  organization: Organization,
  plan: DeploymentPlan,
  selection: ScopeSelection,
): Map<string, { checkState: string; reason: string }> {
  const parents = parentsOf(organization);
  const management = plan.managementAccount;
  const selected = new Set(selection.selected);
  const covered = new Set([...plan.coverage.now, ...plan.coverage.skipped]);
  const future = new Set(plan.coverage.futureOus);
  const states = new Map<string, { checkState: string; reason: string }>();

  for (const account of organization.accounts) {
    const { id } = account;
    if (id === organization.managementAccountId) {
      if (management.inScope) {
        states.set(id, {
          checkState: 'checked',
          reason: selected.has(id) ? 'selected' : 'inherited',
        });
      } else if (management.needsDecision) {
        states.set(id, { checkState: 'indeterminate', reason: 'managementAccountUndecided' });
      } else if (management.decision === 'exclude') {
        states.set(id, { checkState: 'unchecked', reason: 'managementAccountExcluded' });
      } else {
        states.set(id, { checkState: 'unchecked', reason: 'none' });
      }
    } else if (covered.has(id)) {
      states.set(id, {
        checkState: 'checked',
        reason: selected.has(id) ? 'selected' : 'inherited',
      });
    } else {
      const reason = plan.coverage.excluded.includes(id) ? 'excluded' : 'none';
      states.set(id, { checkState: 'unchecked', reason });
    }
  }
  for (const id of [organization.root.id, ...organization.organizationalUnits.map((u) => u.id)]) {
    const below = organization.accounts.filter((a) => isBelow(parents, a.id, id));
    const unitsWithin = [
      id,
      ...organization.organizationalUnits
        .filter((u) => isBelow(parents, u.id, id))
        .map((u) => u.id),
    ];
    const all = below.every((a) => covered.has(a.id));
    const any = below.some((a) => covered.has(a.id)) || unitsWithin.some((u) => future.has(u));
    if (future.has(id) && all) {
      states.set(id, {
        checkState: 'checked',
        reason: selected.has(id) ? 'selected' : 'inherited',
      });
    } else if (any) {
      states.set(id, { checkState: 'indeterminate', reason: 'partial' });
    } else {
      states.set(id, { checkState: 'unchecked', reason: 'none' });
    }
  }
  return states;
}

/** A small seeded generator (mulberry32), so a replay order is reproducible from its seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Click {
  key: string;
  /** A click that must happen first (a selection before the exclusion inside it). */
  after: string | null;
  apply: (selection: ScopeSelection) => ScopeSelection;
}

/**
 * Clicks that reach `final` from nothing, in a random order that `seed` picks among the orders
 * the tree allows: each root, OU or account selected; each exclusion after the selection that
 * covers it; the management-account answer by clicks on it or by the prompt, after the
 * selection that covers it; the choice for picked accounts anywhere.
 */
function replay(index: OrganizationIndex, final: ScopeSelection, seed: number): ScopeSelection {
  const random = seeded(seed);
  const selected = new Set(final.selected);
  const clicks: Click[] = final.selected.map((id) => ({
    key: id,
    after: null,
    apply: (s) => toggleNode(index, s, id),
  }));
  for (const id of final.excluded) {
    const after = selectedAncestorOf(index, id, selected);
    clicks.push({ key: `exclude:${id}`, after, apply: (s) => toggleNode(index, s, id) });
  }
  const coveringManagement = selectedAncestorOf(index, index.managementAccountId, selected);
  const clickManagement = (s: ScopeSelection) => toggleNode(index, s, index.managementAccountId);
  if (final.managementAccount !== null && coveringManagement !== null) {
    const decision = final.managementAccount;
    if (random() < 0.5) {
      clicks.push({
        key: 'prompt',
        after: coveringManagement,
        apply: (s) => setManagementAccountDecision(index, s, decision),
      });
    } else {
      // Unanswered → exclude → include.
      clicks.push({ key: 'management:1', after: coveringManagement, apply: clickManagement });
      if (decision === 'include') {
        clicks.push({ key: 'management:2', after: 'management:1', apply: clickManagement });
      }
    }
  }
  const value = final.pickedAccountsAutoDeployment;
  clicks.push({
    key: 'picked',
    after: null,
    apply: (s) => ({ ...s, pickedAccountsAutoDeployment: value }),
  });

  const done = new Set<string>();
  let selection = EMPTY_SCOPE;
  while (done.size < clicks.length) {
    const ready = clicks.filter((c) => !done.has(c.key) && (c.after === null || done.has(c.after)));
    const click = ready[Math.floor(random() * ready.length)]!;
    selection = click.apply(selection);
    done.add(click.key);
  }
  return selection;
}

describe('given the same final selection reached by different click orders', () => {
  it('should give byte-identical selections and plans', () => {
    fc.assert(
      fc.property(
        organizationArbitrary(),
        stepsArbitrary,
        fc.nat(),
        fc.nat(),
        (organization, steps, seedA, seedB) => {
          const index = indexOrganization(organization);
          const final = applySteps(organization, steps);
          const bytes = JSON.stringify(planDeployment(index, final));
          const a = replay(index, final, seedA);
          const b = replay(index, final, seedB);

          expect(a).toEqual(final);
          expect(b).toEqual(final);
          expect(JSON.stringify(planDeployment(index, a))).toBe(bytes);
          expect(JSON.stringify(planDeployment(index, b))).toBe(bytes);
        },
      ),
      RUNS,
    );
  });
});

describe('given the StackSet simulator', () => {
  it('should import nothing from the planner, only types of the organisation model', () => {
    const source = readFileSync(
      new URL('../testing/stackSetSimulator.ts', import.meta.url),
      'utf8',
    );
    const imports = [...source.matchAll(/^import\b[^;]*;/gm)].map((match) => match[0]);
    expect(imports).toEqual(["import type { Organization } from '../model/organization';"]);
  });
});
