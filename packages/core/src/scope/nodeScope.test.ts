import type { ScopeSelection } from '../model/values';
import { EMPTY_SCOPE } from '../model/values';
import { OU_MANAGED, ROOT_MANAGED } from '../testing/smallOrganizations';
import { createScopeView } from './nodeScope';
import { indexOrganization } from './organizationIndex';

const rootManaged = indexOrganization(ROOT_MANAGED);
const ouManaged = indexOrganization(OU_MANAGED);

function states(selection: Partial<ScopeSelection>, index = rootManaged) {
  const view = createScopeView(index, { ...EMPTY_SCOPE, ...selection });
  return (id: string) => {
    const { checkState, reason } = view.nodeScope(id);
    return `${checkState}/${reason}`;
  };
}

describe('given nothing selected', () => {
  it('should show every node unchecked, and suspended accounts not selectable', () => {
    const view = createScopeView(rootManaged, EMPTY_SCOPE);
    expect(view.nodeScope('r-abcd')).toEqual({
      checkState: 'unchecked',
      reason: 'none',
      selectable: true,
      isManagementAccount: false,
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
});

describe('given the management account under a selected ancestor', () => {
  it('should show it checked while unanswered or included, and unchecked when excluded', () => {
    expect(states({ selected: ['ou-wxyz-core0001'] }, ouManaged)('900000000000')).toBe(
      'checked/inherited',
    );
    expect(
      states(
        { selected: ['ou-wxyz-core0001'], managementAccount: 'include' },
        ouManaged,
      )('ou-wxyz-core0001'),
    ).toBe('checked/selected');
    const excluded = states({ selected: ['r-wxyz'], managementAccount: 'exclude' }, ouManaged);
    expect(excluded('900000000000')).toBe('unchecked/managementAccountExcluded');
    expect(excluded('ou-wxyz-core0001')).toBe('indeterminate/partial');
    expect(excluded('r-wxyz')).toBe('indeterminate/partial');
    expect(excluded('ou-wxyz-work0001')).toBe('checked/inherited');
  });

  it('should report the decision that is needed', () => {
    const view = createScopeView(ouManaged, { ...EMPTY_SCOPE, selected: ['r-wxyz'] });
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
    expect(createScopeView(rootManaged, EMPTY_SCOPE).nodeScope('nope')).toEqual({
      checkState: 'unchecked',
      reason: 'none',
      selectable: false,
      isManagementAccount: false,
    });
  });
});
