import { OU_MANAGED, ROOT_MANAGED } from '../testing/smallOrganizations';
import { indexOrganization } from './organizationIndex';

describe('given an organisation with OUs, nested OUs and accounts', () => {
  const index = indexOrganization(ROOT_MANAGED);

  it('should list child OUs first, then accounts, each by name then id', () => {
    expect(index.nodes.get('r-abcd')!.childIds).toEqual([
      'ou-abcd-empty001',
      'ou-abcd-prod0001',
      'ou-abcd-sandbox1',
      '444444444441',
      '444444444442',
      '000000000001',
    ]);
    expect(index.nodes.get('ou-abcd-web00001')!.childIds).toEqual(['111111111111', '111111111112']);
  });

  it('should record depth, parent and account counts', () => {
    expect(index.nodes.get('r-abcd')).toMatchObject({ kind: 'root', depth: 0, parentId: null });
    expect(index.nodes.get('r-abcd')!.accountCount).toBe(8);
    expect(index.nodes.get('ou-abcd-prod0001')!.accountCount).toBe(4);
    expect(index.nodes.get('ou-abcd-empty001')!.accountCount).toBe(0);
    expect(index.nodes.get('111111111111')).toMatchObject({
      kind: 'account',
      depth: 3,
      parentId: 'ou-abcd-web00001',
      accountCount: 1,
    });
    expect(index.nodes.get('111111111111')!.account!.name).toBe('web-a');
  });

  it('should list nodes in display order, depth first', () => {
    expect([...index.nodes.keys()].slice(0, 7)).toEqual([
      'r-abcd',
      'ou-abcd-empty001',
      'ou-abcd-prod0001',
      'ou-abcd-web00001',
      '111111111111',
      '111111111112',
      '222222222221',
    ]);
    expect(index.nodes.size).toBe(13);
    expect(index).toMatchObject({ rootId: 'r-abcd', managementAccountId: '000000000001' });
  });
});

describe('given a tree AWS could not return', () => {
  it('should refuse an unknown parent', () => {
    const organization = {
      ...OU_MANAGED,
      accounts: [
        ...OU_MANAGED.accounts,
        { ...OU_MANAGED.accounts[0]!, id: '123123123123', parentId: 'ou-wxyz-missing1' },
      ],
    };
    expect(() => indexOrganization(organization)).toThrow(/ou-wxyz-missing1/);
  });

  it('should refuse an account used as a parent and a duplicate id', () => {
    const asParent = {
      ...OU_MANAGED,
      accounts: [
        ...OU_MANAGED.accounts,
        { ...OU_MANAGED.accounts[0]!, id: '123123123123', parentId: '555555555551' },
      ],
    };
    expect(() => indexOrganization(asParent)).toThrow(/not a root or OU/);
    const duplicate = {
      ...OU_MANAGED,
      accounts: [...OU_MANAGED.accounts, OU_MANAGED.accounts[0]!],
    };
    expect(() => indexOrganization(duplicate)).toThrow(/more than once/);
  });

  it('should refuse OUs that form a cycle and a missing management account', () => {
    const cycle = {
      ...OU_MANAGED,
      organizationalUnits: [
        ...OU_MANAGED.organizationalUnits,
        { id: 'ou-wxyz-loopaaaa', name: 'A', parentId: 'ou-wxyz-loopbbbb' },
        { id: 'ou-wxyz-loopbbbb', name: 'B', parentId: 'ou-wxyz-loopaaaa' },
      ],
    };
    expect(() => indexOrganization(cycle)).toThrow(/cannot be reached/);
    expect(() => indexOrganization({ ...OU_MANAGED, managementAccountId: '999999999999' })).toThrow(
      /management account/,
    );
  });
});
