import type { ScopeSelection } from '../model/values';
import { EMPTY_SCOPE } from '../model/values';
import { OU_MANAGED, ROOT_MANAGED } from '../testing/smallOrganizations';
import { isSelectableAccount } from './organizationIndex';
import { indexOrganization } from './organizationIndex';
import { getManagementAccountScope, setManagementAccountDecision } from './selection';
import { toggleNode } from './toggle';

const rootManaged = indexOrganization(ROOT_MANAGED);
const ouManaged = indexOrganization(OU_MANAGED);

function clicks(index = rootManaged, ids: string[], from: ScopeSelection = EMPTY_SCOPE) {
  return ids.reduce((selection, id) => toggleNode(index, selection, id), from);
}

describe('given an account that no selected root or OU covers', () => {
  it('should select it, then deselect it on a second click', () => {
    expect(clicks(rootManaged, ['222222222221']).selected).toEqual(['222222222221']);
    expect(clicks(rootManaged, ['222222222221', '222222222221'])).toEqual(EMPTY_SCOPE);
  });

  it('should leave suspended accounts unselectable', () => {
    expect(clicks(rootManaged, ['222222222222'])).toEqual(EMPTY_SCOPE);
  });

  it('should let an account pending activation be selected', () => {
    expect(clicks(rootManaged, ['444444444442']).selected).toEqual(['444444444442']);
  });

  it('should let a suspended account a draft left selected be deselected', () => {
    const draft = { ...EMPTY_SCOPE, selected: ['222222222222', '222222222221'] };
    expect(toggleNode(rootManaged, draft, '222222222222').selected).toEqual(['222222222221']);
  });
});

describe('given an account covered by a selected OU', () => {
  it('should exclude it, then include it again', () => {
    const excluded = clicks(rootManaged, ['ou-abcd-prod0001', '111111111111']);
    expect(excluded).toEqual({
      ...EMPTY_SCOPE,
      selected: ['ou-abcd-prod0001'],
      excluded: ['111111111111'],
    });
    expect(toggleNode(rootManaged, excluded, '111111111111').excluded).toEqual([]);
  });

  it('should not exclude a suspended account, since StackSets skip it anyway', () => {
    const selection = clicks(rootManaged, ['ou-abcd-prod0001']);
    expect(toggleNode(rootManaged, selection, '222222222222')).toEqual(selection);
  });
});

describe('given a root or OU that nothing covers', () => {
  it('should select it and drop every selection and exclusion below it', () => {
    const below = clicks(rootManaged, ['ou-abcd-web00001', '111111111111', '222222222221']);
    expect(below).toMatchObject({
      selected: ['222222222221', 'ou-abcd-web00001'],
      excluded: ['111111111111'],
    });
    expect(toggleNode(rootManaged, below, 'ou-abcd-prod0001')).toEqual({
      ...EMPTY_SCOPE,
      selected: ['ou-abcd-prod0001'],
    });
  });

  it('should keep selections outside it', () => {
    const selection = clicks(rootManaged, ['333333333331', 'ou-abcd-prod0001']);
    expect(selection.selected).toEqual(['333333333331', 'ou-abcd-prod0001']);
  });

  it('should deselect it on a second click with the exclusions below it', () => {
    expect(clicks(rootManaged, ['ou-abcd-prod0001', '222222222221', 'ou-abcd-prod0001'])).toEqual(
      EMPTY_SCOPE,
    );
  });

  it('should select an empty OU', () => {
    expect(clicks(rootManaged, ['ou-abcd-empty001']).selected).toEqual(['ou-abcd-empty001']);
  });
});

describe('given an OU covered by a selected ancestor', () => {
  it('should split the ancestor into the sibling subtrees along the path', () => {
    const selection = clicks(rootManaged, ['r-abcd', '444444444441', 'ou-abcd-web00001']);
    // The root's other OUs and accounts stay; the excluded loose account stays out; the
    // management account (unanswered) is not picked; the suspended account cannot be picked.
    expect(selection).toEqual({
      ...EMPTY_SCOPE,
      selected: ['222222222221', '444444444442', 'ou-abcd-empty001', 'ou-abcd-sandbox1'],
    });
  });

  it('should keep exclusions inside the sibling OUs and drop those inside the split OU', () => {
    const selection = clicks(rootManaged, [
      'ou-abcd-prod0001',
      '111111111112',
      '222222222221',
      'ou-abcd-web00001',
    ]);
    // Only the suspended account was left in Production, and no click may select it.
    expect(selection).toEqual(EMPTY_SCOPE);

    const kept = clicks(rootManaged, ['r-abcd', '111111111112', 'ou-abcd-sandbox1']);
    expect(kept.selected).toEqual([
      '444444444441',
      '444444444442',
      'ou-abcd-empty001',
      'ou-abcd-prod0001',
    ]);
    expect(kept.excluded).toEqual(['111111111112']);
  });

  it('should turn an included management account into a direct pick', () => {
    const included = setManagementAccountDecision(
      rootManaged,
      clicks(rootManaged, ['r-abcd']),
      'include',
    );
    const split = toggleNode(rootManaged, included, 'ou-abcd-sandbox1');
    expect(split.selected).toContain('000000000001');
    expect(split.managementAccount).toBeNull();
    expect(getManagementAccountScope(rootManaged, split)).toMatchObject({
      coverage: 'direct',
      inScope: true,
    });
  });

  it('should keep the decision when the management account stays covered by a sibling OU', () => {
    const excluded = clicks(ouManaged, ['r-wxyz', '900000000000']);
    expect(excluded.managementAccount).toBe('exclude');
    const split = toggleNode(ouManaged, excluded, 'ou-wxyz-work0001');
    expect(split).toEqual({
      ...EMPTY_SCOPE,
      selected: ['ou-wxyz-core0001'],
      managementAccount: 'exclude',
    });
  });

  it('should clear the decision when the management account leaves with the split OU', () => {
    const included = setManagementAccountDecision(
      ouManaged,
      clicks(ouManaged, ['r-wxyz']),
      'include',
    );
    expect(toggleNode(ouManaged, included, 'ou-wxyz-core0001')).toEqual({
      ...EMPTY_SCOPE,
      selected: ['ou-wxyz-work0001'],
    });
  });

  it('should split through several levels', () => {
    const selection = clicks(ouManaged, ['r-wxyz', 'ou-wxyz-security']);
    expect(selection.selected).toEqual(['555555555552', 'ou-wxyz-work0001']);
  });
});

describe('given the management account', () => {
  it('should count a direct pick as included, with no decision kept', () => {
    const selection = clicks(rootManaged, ['000000000001']);
    expect(selection).toEqual({ ...EMPTY_SCOPE, selected: ['000000000001'] });
    expect(getManagementAccountScope(rootManaged, selection)).toEqual({
      id: '000000000001',
      coverage: 'direct',
      decision: null,
      needsDecision: false,
      inScope: true,
    });
  });

  it('should ask for a decision when an ancestor covers it, and flip it on each click', () => {
    const covered = clicks(ouManaged, ['ou-wxyz-core0001']);
    expect(getManagementAccountScope(ouManaged, covered)).toMatchObject({
      coverage: 'ancestor',
      decision: null,
      needsDecision: true,
      inScope: false,
    });
    const excluded = toggleNode(ouManaged, covered, '900000000000');
    expect(excluded).toMatchObject({ excluded: [], managementAccount: 'exclude' });
    const included = toggleNode(ouManaged, excluded, '900000000000');
    expect(getManagementAccountScope(ouManaged, included)).toMatchObject({
      decision: 'include',
      needsDecision: false,
      inScope: true,
    });
    expect(toggleNode(ouManaged, included, '900000000000').managementAccount).toBe('exclude');
  });

  it('should clear the decision once nothing covers it', () => {
    const decided = setManagementAccountDecision(
      ouManaged,
      clicks(ouManaged, ['ou-wxyz-core0001']),
      'exclude',
    );
    const cleared = toggleNode(ouManaged, decided, 'ou-wxyz-core0001');
    expect(cleared).toEqual(EMPTY_SCOPE);
    expect(setManagementAccountDecision(ouManaged, cleared, 'include')).toEqual(EMPTY_SCOPE);
  });

  it('should keep an answer of include when a parent replaces a direct pick', () => {
    const selection = clicks(ouManaged, ['900000000000', 'ou-wxyz-core0001']);
    expect(selection).toEqual({
      ...EMPTY_SCOPE,
      selected: ['ou-wxyz-core0001'],
      managementAccount: 'include',
    });
  });

  it('should ask again when a parent is checked over an excluded management account', () => {
    const selection = clicks(ouManaged, ['ou-wxyz-core0001', '900000000000', 'r-wxyz']);
    expect(selection).toEqual({ ...EMPTY_SCOPE, selected: ['r-wxyz'] });
  });
});

describe('given ids the organisation does not know', () => {
  it('should change nothing', () => {
    const selection = clicks(rootManaged, ['ou-abcd-prod0001']);
    expect(toggleNode(rootManaged, selection, 'ou-abcd-gone0000')).toEqual(selection);
  });
});

describe('given a suspended management account included under a selected root', () => {
  it('should not pick it when a split takes its ancestor apart, as no click may pick it', () => {
    const suspended = indexOrganization({
      ...OU_MANAGED,
      accounts: OU_MANAGED.accounts.map((account) =>
        account.id === OU_MANAGED.managementAccountId
          ? { ...account, state: 'SUSPENDED' as const }
          : account,
      ),
    });
    const included = setManagementAccountDecision(
      suspended,
      clicks(suspended, ['r-wxyz']),
      'include',
    );
    const split = toggleNode(suspended, included, 'ou-wxyz-security');

    expect(split.selected).toEqual(['555555555552', 'ou-wxyz-work0001']);
    for (const id of split.selected) {
      const account = suspended.nodes.get(id)!.account;
      expect(account === null || isSelectableAccount(account)).toBe(true);
    }
  });
});
