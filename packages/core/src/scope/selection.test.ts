import { EMPTY_SCOPE } from '../model/values';
import { OU_MANAGED, ROOT_MANAGED } from '../testing/smallOrganizations';
import { indexOrganization } from './organizationIndex';
import { normalizeSelection } from './selection';

const rootManaged = indexOrganization(ROOT_MANAGED);
const ouManaged = indexOrganization(OU_MANAGED);

describe('given a selection that is not normalised', () => {
  it('should sort, de-duplicate and drop unknown ids', () => {
    expect(
      normalizeSelection(rootManaged, {
        ...EMPTY_SCOPE,
        selected: ['ou-abcd-sandbox1', '222222222221', 'ou-abcd-nothere1', '222222222221'],
      }).selected,
    ).toEqual(['222222222221', 'ou-abcd-sandbox1']);
  });

  it('should drop what a selected ancestor covers', () => {
    expect(
      normalizeSelection(rootManaged, {
        ...EMPTY_SCOPE,
        selected: ['111111111111', 'ou-abcd-web00001', 'ou-abcd-prod0001'],
      }).selected,
    ).toEqual(['ou-abcd-prod0001']);
  });

  it('should keep only exclusions of covered accounts, suspended ones included', () => {
    const normal = normalizeSelection(rootManaged, {
      ...EMPTY_SCOPE,
      selected: ['ou-abcd-prod0001'],
      excluded: [
        '333333333331',
        '222222222222',
        'ou-abcd-web00001',
        '111111111111',
        '000000000001',
      ],
    });
    expect(normal.excluded).toEqual(['111111111111', '222222222222']);
  });

  it('should never list the management account as an exclusion', () => {
    const normal = normalizeSelection(ouManaged, {
      ...EMPTY_SCOPE,
      selected: ['r-wxyz'],
      excluded: ['900000000000'],
    });
    expect(normal).toEqual({ ...EMPTY_SCOPE, selected: ['r-wxyz'] });
  });

  it('should keep the management-account decision only while an ancestor covers it', () => {
    const covered = {
      ...EMPTY_SCOPE,
      selected: ['ou-wxyz-core0001'],
      managementAccount: 'exclude' as const,
    };
    expect(normalizeSelection(ouManaged, covered).managementAccount).toBe('exclude');
    const direct = { ...covered, selected: ['900000000000'] };
    expect(normalizeSelection(ouManaged, direct).managementAccount).toBeNull();
    const elsewhere = { ...covered, selected: ['ou-wxyz-work0001'] };
    expect(normalizeSelection(ouManaged, elsewhere).managementAccount).toBeNull();
  });

  it('should be idempotent', () => {
    const once = normalizeSelection(rootManaged, {
      selected: ['r-abcd', '111111111111'],
      excluded: ['111111111111', '111111111111'],
      managementAccount: 'include',
      pickedAccountsAutoDeployment: 'on',
    });
    expect(once).toEqual({
      selected: ['r-abcd'],
      excluded: ['111111111111'],
      managementAccount: 'include',
      pickedAccountsAutoDeployment: 'on',
    });
    expect(normalizeSelection(rootManaged, once)).toEqual(once);
  });
});
