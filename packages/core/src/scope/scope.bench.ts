/**
 * Figures for the scope rules on a large organisation: 50,000 accounts in 2,000 OUs (AWS's
 * default OU quota). Benchmarks report; they do not pass or fail on time.
 */
import { bench, describe } from 'vitest';

import { EMPTY_SCOPE } from '../model/values';
import type { ScopeSelection } from '../model/values';
import { generateOrganization } from '../testing/organizations';
import { createScopeView } from './nodeScope';
import { indexOrganization } from './organizationIndex';
import { planDeployment } from './plan';
import { getScopeSummary } from './summary';
import { toggleNode } from './toggle';

const organization = generateOrganization({ organizationalUnits: 2_000, accounts: 50_000 });
const index = indexOrganization(organization);
const topOus = index.nodes
  .get(index.rootId)!
  .childIds.filter((id) => index.nodes.get(id)!.kind === 'organizationalUnit');
const ids = [...index.nodes.keys()];
const sample = Array.from({ length: 1_000 }, (_, i) => ids[(i * 7_919) % ids.length]!);

// The root selected with a few exclusions, the management account included, a few picks.
const wholeOrganization: ScopeSelection = {
  ...EMPTY_SCOPE,
  selected: [index.rootId],
  excluded: organization.accounts.slice(1, 200).map((account) => account.id),
  managementAccount: 'include',
};
// Half of the top-level OUs plus 500 accounts picked one by one elsewhere.
const mixed: ScopeSelection = {
  ...EMPTY_SCOPE,
  selected: [
    ...topOus.slice(0, Math.ceil(topOus.length / 2)),
    ...organization.accounts.slice(-500).map((account) => account.id),
  ],
};
const mixedPlan = planDeployment(index, mixed);
// 20,000 accounts picked one by one: three calls of at most 8,000 accounts each.
const twentyThousandPicks: ScopeSelection = {
  ...EMPTY_SCOPE,
  selected: organization.accounts
    .filter((account) => account.state === 'ACTIVE')
    .slice(1, 20_001)
    .map((account) => account.id),
};
const wholeOrganizationPlan = planDeployment(index, wholeOrganization);
const deepOu = organization.organizationalUnits.find(
  (unit) => index.nodes.get(unit.id)!.depth === 5,
)!;

describe('given 50,000 accounts in 2,000 OUs', () => {
  bench('index the organisation', () => {
    indexOrganization(organization);
  });

  bench('plan the whole organisation with 199 exclusions', () => {
    planDeployment(index, wholeOrganization);
  });

  bench('plan 20,000 accounts picked one by one', () => {
    planDeployment(index, twentyThousandPicks);
  });

  bench('plan half the OUs and 500 picked accounts', () => {
    planDeployment(index, mixed);
  });

  bench('toggle a deep OU under the selected root (split)', () => {
    toggleNode(index, wholeOrganization, deepOu.id);
  });

  bench('toggle an account (exclude)', () => {
    toggleNode(index, wholeOrganization, organization.accounts[40_000]!.id);
  });

  bench('create the tree view from the plan of the whole organisation', () => {
    createScopeView(index, wholeOrganizationPlan);
  });

  bench('create the tree view from a mixed plan and read 1,000 nodes', () => {
    const view = createScopeView(index, mixedPlan);
    for (const id of sample) view.nodeScope(id);
  });

  bench('summarise the plan of the whole organisation', () => {
    getScopeSummary(index, wholeOrganizationPlan);
  });
});
