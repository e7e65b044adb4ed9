import type { ScopeSelection } from '../model/values';
import { EMPTY_SCOPE } from '../model/values';
import { OU_MANAGED, ROOT_MANAGED } from '../testing/smallOrganizations';
import { createScopeView } from './nodeScope';
import { indexOrganization } from './organizationIndex';
import { planDeployment } from './plan';

const rootManaged = indexOrganization(ROOT_MANAGED);
const ouManaged = indexOrganization(OU_MANAGED);

function viewOf(selection: Partial<ScopeSelection>, index = rootManaged) {
  return createScopeView(index, planDeployment(index, { ...EMPTY_SCOPE, ...selection }));
}

function states(selection: Partial<ScopeSelection>, index = rootManaged) {
  const view = viewOf(selection, index);
  return (id: string) => {
    const { checkState, reason } = view.nodeScope(id);
    return `${checkState}/${reason}`;
  };
}

describe('given nothing selected', () => {
  it('should show every node unchecked, and suspended accounts not selectable', () => {
    const view = viewOf({});
    expect(view.nodeScope('r-abcd')).toEqual({
      checkState: 'unchecked',
      reason: 'none',
      selectable: true,
      isManagementAccount: false,
      coversNewAccounts: false,
    });
    expect(view.nodeScope('222222222222').selectable).toBe(false);
    expect(view.nodeScope('444444444442').selectable).toBe(true);
    expect(view.nodeScope('000000000001').isManagementAccount).toBe(true);
    expect(view.managementAccount.coverage).toBe('none');
  });
});

describe('given a selected OU', () => {
  it('should check it and everything below it', () => {
    const state = states({ selected: ['ou-abcd-prod0001'] });
    expect(state('ou-abcd-prod0001')).toBe('checked/selected');
    expect(state('ou-abcd-web00001')).toBe('checked/inherited');
    expect(state('111111111111')).toBe('checked/inherited');
    expect(state('r-abcd')).toBe('indeterminate/partial');
    expect(state('ou-abcd-sandbox1')).toBe('unchecked/none');
    const view = viewOf({ selected: ['ou-abcd-prod0001'] });
    expect(view.nodeScope('ou-abcd-web00001').coversNewAccounts).toBe(true);
    expect(view.nodeScope('r-abcd').coversNewAccounts).toBe(false);
    expect(view.nodeScope('111111111111').coversNewAccounts).toBe(false);
  });

  it('should keep it checked with a covered suspended account inside', () => {
    const state = states({ selected: ['ou-abcd-prod0001'] });
    expect(state('222222222222')).toBe('checked/inherited');
    expect(state('ou-abcd-prod0001')).toBe('checked/selected');
  });

  it('should show an exclusion as unchecked and its ancestors as partial', () => {
    const state = states({ selected: ['ou-abcd-prod0001'], excluded: ['111111111112'] });
    expect(state('111111111112')).toBe('unchecked/excluded');
    expect(state('111111111111')).toBe('checked/inherited');
    expect(state('ou-abcd-web00001')).toBe('indeterminate/partial');
    expect(state('ou-abcd-prod0001')).toBe('indeterminate/partial');
  });

  it('should check a selected empty OU', () => {
    expect(states({ selected: ['ou-abcd-empty001'] })('ou-abcd-empty001')).toBe('checked/selected');
  });
});

describe('given accounts picked one by one', () => {
  it('should show their parents as partial, never checked, even when every account is picked', () => {
    const state = states({ selected: ['111111111111', '111111111112'] });
    expect(state('111111111111')).toBe('checked/selected');
    expect(state('ou-abcd-web00001')).toBe('indeterminate/partial');
    expect(state('r-abcd')).toBe('indeterminate/partial');
    expect(state('ou-abcd-sandbox1')).toBe('unchecked/none');
  });

  it('should mark their OUs as covering new accounts when automatic deployment is on for them', () => {
    const off = viewOf({ selected: ['222222222221'] });
    const on = viewOf({ selected: ['222222222221'], pickedAccountsAutoDeployment: 'on' });
    expect(off.nodeScope('ou-abcd-prod0001').coversNewAccounts).toBe(false);
    expect(on.nodeScope('ou-abcd-prod0001')).toMatchObject({
      checkState: 'indeterminate',
      reason: 'partial',
      coversNewAccounts: true,
    });
    // The child OU holds no pick, yet its new accounts get the role: partial, not unchecked.
    expect(on.nodeScope('ou-abcd-web00001')).toMatchObject({
      checkState: 'indeterminate',
      coversNewAccounts: true,
    });
    expect(on.nodeScope('ou-abcd-sandbox1').coversNewAccounts).toBe(false);
  });

  it('should check an OU whose every account is picked once automatic deployment reaches its new ones', () => {
    const state = states({
      selected: ['111111111111', '111111111112'],
      pickedAccountsAutoDeployment: 'on',
    });
    expect(state('ou-abcd-web00001')).toBe('checked/inherited');
    expect(state('ou-abcd-prod0001')).toBe('indeterminate/partial');
  });

  it('should make the whole organisation future-covered for a pick under the root', () => {
    const view = viewOf({ selected: ['444444444441'], pickedAccountsAutoDeployment: 'on' });
    for (const id of ['r-abcd', 'ou-abcd-empty001', 'ou-abcd-prod0001', 'ou-abcd-web00001']) {
      expect([id, view.nodeScope(id).coversNewAccounts]).toEqual([id, true]);
    }
    // An empty OU whose future accounts get the role has nothing left out: checked.
    expect(view.nodeScope('ou-abcd-empty001').checkState).toBe('checked');
    expect(view.nodeScope('ou-abcd-sandbox1').checkState).toBe('indeterminate');
  });
});

describe('given a pending account picked on its own', () => {
  it('should check it although StackSets skip it for now', () => {
    const state = states({ selected: ['444444444442'] });
    expect(state('444444444442')).toBe('checked/selected');
    expect(state('r-abcd')).toBe('indeterminate/partial');
  });
});

describe('given the management account under a selected ancestor', () => {
  it('should show it undecided while unanswered, checked when included and unchecked when excluded', () => {
    const unanswered = states({ selected: ['ou-wxyz-core0001'] }, ouManaged);
    expect(unanswered('900000000000')).toBe('indeterminate/managementAccountUndecided');
    expect(unanswered('ou-wxyz-core0001')).toBe('indeterminate/partial');
    const included = states(
      { selected: ['ou-wxyz-core0001'], managementAccount: 'include' },
      ouManaged,
    );
    expect(included('900000000000')).toBe('checked/inherited');
    expect(included('ou-wxyz-core0001')).toBe('checked/selected');
    const excluded = states({ selected: ['r-wxyz'], managementAccount: 'exclude' }, ouManaged);
    expect(excluded('900000000000')).toBe('unchecked/managementAccountExcluded');
    expect(excluded('ou-wxyz-core0001')).toBe('indeterminate/partial');
    expect(excluded('r-wxyz')).toBe('indeterminate/partial');
    expect(excluded('ou-wxyz-work0001')).toBe('checked/inherited');
  });

  it('should show it selected when picked directly', () => {
    expect(states({ selected: ['900000000000'] }, ouManaged)('900000000000')).toBe(
      'checked/selected',
    );
  });

  it('should report the decision that is needed', () => {
    const view = viewOf({ selected: ['r-wxyz'] }, ouManaged);
    expect(view.managementAccount).toEqual({
      id: '900000000000',
      coverage: 'ancestor',
      decision: null,
      needsDecision: true,
      inScope: false,
    });
  });
});

describe('given an id the organisation does not know', () => {
  it('should answer unchecked and not selectable', () => {
    expect(viewOf({}).nodeScope('nope')).toEqual({
      checkState: 'unchecked',
      reason: 'none',
      selectable: false,
      isManagementAccount: false,
      coversNewAccounts: false,
    });
  });
});
