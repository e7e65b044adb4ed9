import fc from 'fast-check';

import type { Organization } from '../model/organization';
import type { ScopeSelection } from '../model/values';
import { EMPTY_SCOPE } from '../model/values';
import { organizationArbitrary } from '../testing/organizations';
import { receivesNewAccount, simulateDeployment } from '../testing/stackSetSimulator';
import { createScopeView } from './nodeScope';
import { indexOrganization } from './organizationIndex';
import { planDeployment } from './plan';
import { normalizeSelection, setManagementAccountDecision } from './selection';
import { toggleNode } from './toggle';

type Step =
  | { kind: 'toggle'; pick: number }
  | { kind: 'decide'; decision: 'include' | 'exclude' }
  | { kind: 'autoDeployment'; value: 'on' | 'off' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('toggle' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      decision: fc.constantFrom('include' as const, 'exclude' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('autoDeployment' as const),
      value: fc.constantFrom('on' as const, 'off' as const),
    }),
  },
);

function nodeIds(organization: Organization): string[] {
  return [
    organization.root.id,
    ...organization.organizationalUnits.map((unit) => unit.id),
    ...organization.accounts.map((account) => account.id),
  ];
}

function applySteps(organization: Organization, steps: Step[]): ScopeSelection {
  const index = indexOrganization(organization);
  const ids = nodeIds(organization);
  return steps.reduce<ScopeSelection>((selection, step) => {
    if (step.kind === 'toggle') return toggleNode(index, selection, ids[step.pick % ids.length]!);
    if (step.kind === 'decide')
      return setManagementAccountDecision(index, selection, step.decision);
    return { ...selection, pickedAccountsAutoDeployment: step.value };
  }, EMPTY_SCOPE);
}

/** The accounts a selection means, read straight from the raw tree: the scope the user sees. */
function intendedScope(organization: Organization, selection: ScopeSelection): Set<string> {
  const parents = new Map<string, string>();
  for (const unit of organization.organizationalUnits) parents.set(unit.id, unit.parentId);
  const selected = new Set(selection.selected);
  const coveredByAncestor = (parentId: string) => {
    for (let id: string | undefined = parentId; id !== undefined; id = parents.get(id)) {
      if (selected.has(id)) return true;
    }
    return false;
  };
  const scope = new Set<string>();
  for (const account of organization.accounts) {
    const isManagement = account.id === organization.managementAccountId;
    if (selected.has(account.id)) scope.add(account.id);
    else if (!coveredByAncestor(account.parentId)) continue;
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

const RUNS = { numRuns: 300 };

describe('given random organisations and random clicks', () => {
  it('should plan operations that AWS resolves to exactly the accounts covered now', () => {
    fc.assert(
      fc.property(
        organizationArbitrary(),
        fc.array(stepArbitrary, { maxLength: 25 }),
        (organization, steps) => {
          const selection = applySteps(organization, steps);
          const plan = planDeployment(indexOrganization(organization), selection);
          const { deployed, skipped } = simulateDeployment(organization, plan.stackSets);
          const expectedNow = new Set(deployed);
          if (plan.managementAccount.inScope) expectedNow.add(organization.managementAccountId);

          expect(plan.coverage.now).toEqual(sorted(expectedNow));
          expect(plan.coverage.skipped).toEqual(sorted(skipped));
          for (const id of plan.coverage.excluded) {
            expect(deployed.has(id) || skipped.has(id) || plan.coverage.now.includes(id)).toBe(
              false,
            );
          }
          // What AWS does is what the selection means.
          expect(sorted([...plan.coverage.now, ...plan.coverage.skipped])).toEqual(
            sorted(intendedScope(organization, selection)),
          );
        },
      ),
      RUNS,
    );
  });

  it('should pass the role on to new accounts of exactly the OUs listed in futureOus', () => {
    fc.assert(
      fc.property(
        organizationArbitrary(),
        fc.array(stepArbitrary, { maxLength: 25 }),
        (organization, steps) => {
          const plan = planDeployment(
            indexOrganization(organization),
            applySteps(organization, steps),
          );
          const containers = [
            organization.root.id,
            ...organization.organizationalUnits.map((u) => u.id),
          ];
          for (const id of containers) {
            expect([id, receivesNewAccount(organization, plan.stackSets, id)]).toEqual([
              id,
              plan.coverage.futureOus.includes(id),
            ]);
          }
        },
      ),
      RUNS,
    );
  });

  it('should keep every result normalised, and normalising again change nothing', () => {
    fc.assert(
      fc.property(
        organizationArbitrary(),
        fc.array(stepArbitrary, { maxLength: 25 }),
        (organization, steps) => {
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
        },
      ),
      RUNS,
    );
  });

  it('should show check states that agree with the plan', () => {
    fc.assert(
      fc.property(
        organizationArbitrary(),
        fc.array(stepArbitrary, { maxLength: 25 }),
        (organization, steps) => {
          const index = indexOrganization(organization);
          const selection = applySteps(organization, steps);
          const plan = planDeployment(index, selection);
          const view = createScopeView(index, selection);
          const inScope = new Set([...plan.coverage.now, ...plan.coverage.skipped]);
          for (const account of organization.accounts) {
            const { checkState } = view.nodeScope(account.id);
            const awaitingDecision =
              account.id === organization.managementAccountId &&
              view.managementAccount.needsDecision;
            if (awaitingDecision) {
              expect(checkState).toBe('checked');
              expect(inScope.has(account.id)).toBe(false);
            } else {
              expect([account.id, checkState === 'checked']).toEqual([
                account.id,
                inScope.has(account.id),
              ]);
            }
          }
          // A checked root or OU passes the role on to its future accounts.
          for (const unit of [organization.root, ...organization.organizationalUnits]) {
            if (view.nodeScope(unit.id).checkState === 'checked') {
              expect(plan.coverage.futureOus).toContain(unit.id);
            }
            // Only picks with automatic deployment on pass the role on beyond the checked OUs.
            const picksAutoDeploy = selection.pickedAccountsAutoDeployment === 'on';
            if (!picksAutoDeploy && view.nodeScope(unit.id).checkState === 'unchecked') {
              expect(plan.coverage.futureOus).not.toContain(unit.id);
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('should take exactly the split OU out of scope and leave the rest as it was', () => {
    fc.assert(
      fc.property(
        organizationArbitrary(),
        fc.array(stepArbitrary, { maxLength: 25 }),
        fc.nat(),
        (organization, steps, pick) => {
          const index = indexOrganization(organization);
          const before = applySteps(organization, steps);
          const coveredByAncestor = (id: string) => {
            for (
              let p = index.nodes.get(id)!.parentId;
              p !== null;
              p = index.nodes.get(p)!.parentId
            ) {
              if (before.selected.includes(p)) return true;
            }
            return false;
          };
          const covered = organization.organizationalUnits.filter((unit) =>
            coveredByAncestor(unit.id),
          );
          fc.pre(covered.length > 0);
          const unit = covered[pick % covered.length]!;
          const after = toggleNode(index, before, unit.id);
          const below = new Set<string>();
          for (const account of organization.accounts) {
            for (
              let p: string | null = account.parentId;
              p !== null;
              p = index.nodes.get(p)!.parentId
            ) {
              if (p === unit.id) below.add(account.id);
            }
          }
          const expected = sorted(
            [...intendedScope(organization, before)].filter((id) => !below.has(id)),
          );
          expect(sorted(intendedScope(organization, after))).toEqual(expected);
          expect(createScopeView(index, after).nodeScope(unit.id).checkState).toBe('unchecked');
        },
      ),
      RUNS,
    );
  });
});

describe('given the same final selection reached by different click orders', () => {
  it('should give byte-identical selections and plans', () => {
    fc.assert(
      fc.property(
        organizationArbitrary(),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.constantFrom('include' as const, 'exclude' as const),
        fc.nat(),
        fc.nat(),
        (organization, selectPicks, excludePicks, decision, seedA, seedB) => {
          const index = indexOrganization(organization);
          const ids = nodeIds(organization);
          const emptyView = createScopeView(index, EMPTY_SCOPE);
          // Selections that no other chosen node covers, so each click selects its node.
          const chosen = new Set(
            selectPicks
              .map((n) => ids[n % ids.length]!)
              .filter((id) => emptyView.nodeScope(id).selectable),
          );
          const antichain = [...chosen].filter((id) => {
            for (
              let p = index.nodes.get(id)!.parentId;
              p !== null;
              p = index.nodes.get(p)!.parentId
            ) {
              if (chosen.has(p)) return false;
            }
            return true;
          });
          const selectedOnce = antichain.reduce((s, id) => toggleNode(index, s, id), EMPTY_SCOPE);
          const view = createScopeView(index, selectedOnce);
          const exclusions = [
            ...new Set(
              excludePicks
                .map((n) => organization.accounts[n % organization.accounts.length]!.id)
                .filter(
                  (id) =>
                    view.nodeScope(id).reason === 'inherited' &&
                    view.nodeScope(id).selectable &&
                    id !== organization.managementAccountId,
                ),
            ),
          ];
          const shuffle = (items: string[], seed: number) =>
            items
              .map((id, i) => ({ id, key: (seed * 31 + i * 2654435761) % 1000003 }))
              .sort((a, b) => a.key - b.key)
              .map((x) => x.id);
          const run = (seed: number) => {
            const selected = shuffle(antichain, seed).reduce(
              (s, id) => toggleNode(index, s, id),
              EMPTY_SCOPE,
            );
            const excluded = shuffle(exclusions, seed + 1).reduce(
              (s, id) => toggleNode(index, s, id),
              selected,
            );
            return setManagementAccountDecision(index, excluded, decision);
          };
          const a = run(seedA);
          const b = run(seedB);
          expect(b).toEqual(a);
          expect(a.excluded).toEqual(sorted(exclusions));
          expect(JSON.stringify(planDeployment(index, b))).toBe(
            JSON.stringify(planDeployment(index, a)),
          );
          expect(JSON.stringify(planDeployment(index, a))).toBe(
            JSON.stringify(
              planDeployment(index, {
                ...EMPTY_SCOPE,
                selected: [...antichain].reverse(),
                excluded: [...exclusions].reverse(),
                managementAccount: decision,
              }),
            ),
          );
        },
      ),
      RUNS,
    );
  });
});
