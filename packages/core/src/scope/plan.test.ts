import type { Organization } from '../model/organization';
import type { ScopeSelection } from '../model/values';
import { EMPTY_SCOPE } from '../model/values';
import { OU_MANAGED, ROOT_MANAGED } from '../testing/smallOrganizations';
import { indexOrganization } from './organizationIndex';
import { planDeployment } from './plan';

const rootManaged = indexOrganization(ROOT_MANAGED);
const ouManaged = indexOrganization(OU_MANAGED);

function plan(selection: Partial<ScopeSelection>, index = rootManaged) {
  return planDeployment(index, { ...EMPTY_SCOPE, ...selection });
}

describe('given nothing, or only the management account, selected', () => {
  it('should plan no StackSet at all', () => {
    expect(plan({}).stackSets).toEqual([]);
    expect(plan({}).coverage).toEqual({ now: [], excluded: [], skipped: [], futureOus: [] });
    const managementOnly = plan({ selected: ['000000000001'] });
    expect(managementOnly.stackSets).toEqual([]);
    expect(managementOnly.coverage.now).toEqual(['000000000001']);
    expect(managementOnly.managementAccount).toMatchObject({ coverage: 'direct', inScope: true });
  });
});

describe('given selected OUs', () => {
  it('should target them with NONE when nothing is excluded', () => {
    const result = plan({ selected: ['ou-abcd-sandbox1', 'ou-abcd-web00001'] });
    expect(result.stackSets).toEqual([
      {
        key: 'organization',
        autoDeployment: true,
        operations: [
          {
            organizationalUnitIds: ['ou-abcd-sandbox1', 'ou-abcd-web00001'],
            accounts: [],
            accountFilterType: 'NONE',
          },
        ],
      },
    ]);
    expect(result.coverage).toEqual({
      now: ['111111111111', '111111111112', '333333333331'],
      excluded: [],
      skipped: [],
      futureOus: ['ou-abcd-sandbox1', 'ou-abcd-web00001'],
    });
    expect(result.warnings).toEqual([]);
  });

  it('should filter exclusions with DIFFERENCE and skip accounts that are not active', () => {
    const result = plan({ selected: ['ou-abcd-prod0001'], excluded: ['111111111111'] });
    expect(result.stackSets[0]!.operations).toEqual([
      {
        organizationalUnitIds: ['ou-abcd-prod0001'],
        accounts: ['111111111111'],
        accountFilterType: 'DIFFERENCE',
      },
    ]);
    expect(result.coverage).toEqual({
      now: ['111111111112', '222222222221'],
      excluded: ['111111111111'],
      skipped: ['222222222222'],
      futureOus: ['ou-abcd-prod0001', 'ou-abcd-web00001'],
    });
    expect(result.warnings.map((w) => [w.code, w.accountIds])).toEqual([
      ['exclusionsIgnoredByAutomaticDeployment', ['111111111111']],
      ['unavailableAccountsSkipped', ['222222222222']],
    ]);
    // Accounts are named with their id: two accounts may share a name.
    expect(result.warnings[1]!.message).toBe(
      '1 account in scope is not active (suspended, closing, closed or pending activation), and StackSets skip it for now: prod-suspended (222222222222).',
    );
  });

  it('should warn that automatic deployment does not keep an excluded account out when it moves', () => {
    const result = plan({
      selected: ['ou-abcd-prod0001', 'ou-abcd-sandbox1'],
      excluded: ['111111111111', '333333333331'],
    });
    const moved = result.warnings.find((w) => w.code === 'exclusionsIgnoredByAutomaticDeployment');
    expect(moved).toEqual({
      code: 'exclusionsIgnoredByAutomaticDeployment',
      message:
        '2 excluded accounts do not get the role now, but automatic deployment does not apply exclusions: an excluded account that is later moved into Root / Production or Root / Sandbox (or from one OU to another inside them) gets the role.',
      accountIds: ['111111111111', '333333333331'],
      organizationalUnitIds: ['ou-abcd-prod0001', 'ou-abcd-sandbox1'],
    });
  });

  it('should not warn about moves when only the management account is left out', () => {
    const result = plan({ selected: ['r-wxyz'], managementAccount: 'exclude' }, ouManaged);
    expect(result.warnings).toEqual([]);
  });

  it('should never list the management account, and add it to coverage only when included', () => {
    const unanswered = plan({ selected: ['r-wxyz'] }, ouManaged);
    expect(unanswered.stackSets[0]!.operations).toEqual([
      { organizationalUnitIds: ['r-wxyz'], accounts: [], accountFilterType: 'NONE' },
    ]);
    expect(unanswered.coverage.now).toEqual(['555555555551', '555555555552', '666666666661']);
    const included = plan({ selected: ['r-wxyz'], managementAccount: 'include' }, ouManaged);
    expect(included.stackSets).toEqual(unanswered.stackSets);
    expect(included.coverage.now).toContain('900000000000');
    const excluded = plan({ selected: ['r-wxyz'], managementAccount: 'exclude' }, ouManaged);
    expect(excluded.stackSets).toEqual(unanswered.stackSets);
    expect(excluded.coverage.excluded).toEqual(['900000000000']);
    expect(excluded.coverage.now).not.toContain('900000000000');
  });
});

describe('given accounts picked one by one', () => {
  const picks = ['111111111111', '222222222221', '444444444441'];

  it('should give them their own StackSet without automatic deployment by default', () => {
    const result = plan({ selected: [...picks, 'ou-abcd-sandbox1'] });
    expect(result.stackSets).toEqual([
      {
        key: 'organization',
        autoDeployment: true,
        operations: [
          { organizationalUnitIds: ['ou-abcd-sandbox1'], accounts: [], accountFilterType: 'NONE' },
        ],
      },
      {
        key: 'accounts',
        autoDeployment: false,
        operations: [
          {
            organizationalUnitIds: ['ou-abcd-prod0001', 'ou-abcd-web00001', 'r-abcd'],
            accounts: picks,
            accountFilterType: 'INTERSECTION',
          },
        ],
      },
    ]);
    expect(result.coverage.futureOus).toEqual(['ou-abcd-sandbox1']);
    expect(result.coverage.now).toEqual([
      '111111111111',
      '222222222221',
      '333333333331',
      '444444444441',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('should join the organization StackSet and warn when automatic deployment is on', () => {
    const result = plan({ selected: picks, pickedAccountsAutoDeployment: 'on' });
    expect(result.stackSets).toHaveLength(1);
    expect(result.stackSets[0]).toMatchObject({ key: 'organization', autoDeployment: true });
    expect(result.stackSets[0]!.operations[0]!.accountFilterType).toBe('INTERSECTION');
    expect(result.coverage.futureOus).toEqual([
      'ou-abcd-empty001',
      'ou-abcd-prod0001',
      'ou-abcd-sandbox1',
      'ou-abcd-web00001',
      'r-abcd',
    ]);
    expect(
      result.warnings.map(({ code, accountIds, organizationalUnitIds }) => ({
        code,
        accountIds,
        organizationalUnitIds,
      })),
    ).toEqual([
      {
        code: 'autoDeploymentWiderThanPicks',
        accountIds: picks,
        organizationalUnitIds: ['ou-abcd-prod0001', 'ou-abcd-web00001', 'r-abcd'],
      },
      {
        code: 'autoDeploymentReachesWholeOrganization',
        accountIds: ['444444444441'],
        organizationalUnitIds: ['r-abcd'],
      },
    ]);
  });

  it('should name the OUs automatic deployment reaches by their path', () => {
    const result = plan({ selected: ['111111111111'], pickedAccountsAutoDeployment: 'on' });
    expect(result.warnings[0]!.message).toBe(
      'Automatic deployment is on for accounts picked one by one: accounts added later to Root / Production / Web (or to OUs inside it) will get the role too, not only the accounts picked.',
    );
  });

  it('should list a picked account pending activation as skipped', () => {
    const result = plan({ selected: ['444444444442'] });
    expect(result.coverage).toMatchObject({ now: [], skipped: ['444444444442'] });
    expect(result.stackSets[0]!.key).toBe('accounts');
  });
});

describe('given more than 50 OUs or parents', () => {
  const ouIds = Array.from({ length: 53 }, (_, i) => `ou-bulk-${String(i).padStart(8, '0')}`);
  const accountIds = ouIds.map((_, i) => String(100000000000 + i));
  const organization: Organization = {
    id: 'o-bulkbulkbu',
    managementAccountId: '999999999999',
    root: { id: 'r-bulk', name: 'Root' },
    organizationalUnits: ouIds.map((id) => ({ id, name: id, parentId: 'r-bulk' })),
    accounts: [
      ...ouIds.map((parentId, i) => ({
        id: accountIds[i]!,
        name: `a${i}`,
        email: `a${i}@example.com`,
        state: 'ACTIVE' as const,
        parentId,
      })),
      {
        id: '999999999999',
        name: 'm',
        email: 'm@example.com',
        state: 'ACTIVE',
        parentId: 'r-bulk',
      },
    ],
  };
  const index = indexOrganization(organization);

  it('should batch OU targets by 50 and put each exclusion in its batch', () => {
    const result = plan({ selected: ouIds, excluded: [accountIds[0]!, accountIds[52]!] }, index);
    const operations = result.stackSets[0]!.operations;
    expect(operations.map((op) => op.organizationalUnitIds.length)).toEqual([50, 3]);
    expect(operations[0]!.organizationalUnitIds).toEqual(ouIds.slice(0, 50));
    expect(operations.map((op) => [op.accountFilterType, op.accounts])).toEqual([
      ['DIFFERENCE', [accountIds[0]]],
      ['DIFFERENCE', [accountIds[52]]],
    ]);
    expect(result.coverage.now).toHaveLength(51);
  });

  it('should batch the parents of picked accounts by 50', () => {
    const result = plan({ selected: accountIds.slice(0, 51) }, index);
    expect(result.stackSets).toHaveLength(1);
    const operations = result.stackSets[0]!.operations;
    expect(operations.map((op) => [op.organizationalUnitIds.length, op.accounts.length])).toEqual([
      [50, 50],
      [1, 1],
    ]);
    expect(operations[1]).toEqual({
      organizationalUnitIds: [ouIds[50]],
      accounts: [accountIds[50]],
      accountFilterType: 'INTERSECTION',
    });
  });
});

describe('given the same scope', () => {
  it('should serialise to the same bytes however the selection was written', () => {
    const a = plan({
      selected: ['ou-abcd-sandbox1', 'ou-abcd-prod0001', '444444444441'],
      excluded: ['111111111112', '222222222221'],
    });
    const b = plan({
      selected: ['444444444441', 'ou-abcd-prod0001', 'ou-abcd-sandbox1', 'ou-abcd-web00001'],
      excluded: ['222222222221', '111111111112', '111111111112'],
    });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
