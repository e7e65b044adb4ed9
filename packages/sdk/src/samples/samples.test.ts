import {
  ACCOUNT_ID_PATTERN,
  ManagementAccountSchema,
  ORGANIZATION_ID_PATTERN,
  OU_ID_PATTERN,
  OrganizationSchema,
  ROOT_ID_PATTERN,
} from '@aws-connection-wizard/core';
import type { Organization } from '@aws-connection-wizard/core';

import { isAdapterError } from '../errors';
import { findOrganizationProblems } from '../validation';
import { fromAwsOrganizationJson, toAwsOrganizationJson } from './awsJson';
import { CONTOSO_HEALTH_ORGANIZATION } from './contosoHealth';
import { SAMPLE_MANAGEMENT_ACCOUNTS, SAMPLE_ORGANIZATIONS } from './managementAccounts';
import { NORTHWIND_ORGANIZATION } from './northwind';

function depthOf(organization: Organization, parentId: string): number {
  const parents = new Map(organization.organizationalUnits.map((ou) => [ou.id, ou.parentId]));
  let depth = 0;
  let id: string | undefined = parentId;
  while (id !== undefined && id !== organization.root.id) {
    depth += 1;
    id = parents.get(id);
  }
  return depth;
}

describe.each(SAMPLE_ORGANIZATIONS.map((org) => [org.id, org] as const))(
  'given the sample organisation %s',
  (_id, organization) => {
    it('should match core’s organisation schema and hold together as a tree', () => {
      expect(OrganizationSchema.safeParse(organization).success).toBe(true);
      expect(findOrganizationProblems(organization)).toEqual([]);
    });

    it('should have about fifty accounts, some of them suspended in the Suspended OU', () => {
      const suspendedOu = organization.organizationalUnits.find((ou) => ou.name === 'Suspended');
      const suspended = organization.accounts.filter((account) => account.state === 'SUSPENDED');

      expect(organization.accounts).toHaveLength(50);
      expect(suspended.length).toBeGreaterThanOrEqual(3);
      expect(suspended.every((account) => account.parentId === suspendedOu?.id)).toBe(true);
    });

    it('should use ids that match AWS’s patterns and are unique', () => {
      const ids = [
        organization.root.id,
        ...organization.organizationalUnits.map((ou) => ou.id),
        ...organization.accounts.map((account) => account.id),
      ];

      expect(organization.id).toMatch(ORGANIZATION_ID_PATTERN);
      expect(organization.root.id).toMatch(ROOT_ID_PATTERN);
      for (const ou of organization.organizationalUnits) {
        expect(ou.id).toMatch(OU_ID_PATTERN);
        // The middle part of an OU id is the root's own id part.
        expect(ou.id.split('-')[1]).toBe(organization.root.id.slice(2));
      }
      for (const account of organization.accounts) expect(account.id).toMatch(ACCOUNT_ID_PATTERN);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('should give every account a distinct email on a reserved example domain', () => {
      const emails = organization.accounts.map((account) => account.email);

      expect(new Set(emails).size).toBe(emails.length);
      for (const email of emails) expect(email).toMatch(/^aws\+[a-z0-9-]+@[a-z-]+\.example$/);
    });

    it('should nest OUs at least three levels deep and within AWS’s five-level limit', () => {
      const depths = organization.organizationalUnits.map((ou) => depthOf(organization, ou.id));

      expect(Math.max(...depths)).toBeGreaterThanOrEqual(3);
      expect(Math.max(...depths)).toBeLessThanOrEqual(5);
    });

    it('should come back unchanged from AWS Organizations JSON', () => {
      const json = toAwsOrganizationJson(organization);

      expect(json.Organization.FeatureSet).toBe('ALL');
      expect(json.Organization.MasterAccountId).toBe(organization.managementAccountId);
      expect(json.Accounts).toHaveLength(organization.accounts.length);
      expect(json.Roots[0]?.Arn).toBe(
        `arn:aws:organizations::${organization.managementAccountId}:root/${organization.id}/${organization.root.id}`,
      );
      expect(fromAwsOrganizationJson(JSON.parse(JSON.stringify(json)))).toEqual(organization);
    });
  },
);

describe('given the two sample organisations', () => {
  it('should place one management account under the root and the other inside an OU', () => {
    const managementOf = (organization: Organization) =>
      organization.accounts.find((account) => account.id === organization.managementAccountId);

    expect(managementOf(NORTHWIND_ORGANIZATION)?.parentId).toBe(NORTHWIND_ORGANIZATION.root.id);
    expect(managementOf(CONTOSO_HEALTH_ORGANIZATION)?.parentId).toMatch(OU_ID_PATTERN);
    expect(
      depthOf(CONTOSO_HEALTH_ORGANIZATION, managementOf(CONTOSO_HEALTH_ORGANIZATION)!.parentId),
    ).toBe(2);
  });

  it('should include an account id with leading zeros', () => {
    const ids = SAMPLE_ORGANIZATIONS.flatMap((organization) =>
      organization.accounts.map((a) => a.id),
    );

    expect(ids.some((id) => id.startsWith('00'))).toBe(true);
  });

  it('should offer one onboarded management account per organisation, one of them connected', () => {
    expect(SAMPLE_MANAGEMENT_ACCOUNTS.map((account) => account.accountId)).toEqual(
      SAMPLE_ORGANIZATIONS.map((organization) => organization.managementAccountId),
    );
    expect(SAMPLE_MANAGEMENT_ACCOUNTS.filter((account) => account.connected)).toHaveLength(1);
    for (const account of SAMPLE_MANAGEMENT_ACCOUNTS) {
      expect(ManagementAccountSchema.safeParse(account).success).toBe(true);
    }
  });
});

describe('given AWS Organizations JSON that is not valid', () => {
  it('should name a malformed account id', () => {
    const json = toAwsOrganizationJson(NORTHWIND_ORGANIZATION);
    json.Accounts[3]!.Id = '12345';

    expect(() => fromAwsOrganizationJson(json)).toThrow(/accounts\.3\.id/);
  });

  it('should name an account whose parent does not exist', () => {
    const json = toAwsOrganizationJson(CONTOSO_HEALTH_ORGANIZATION);
    json.Accounts[0]!.ParentId = 'ou-ch3v-zzzzzzzz';

    expect(() => fromAwsOrganizationJson(json)).toThrow(
      /account 713169162910 has a parent ou-ch3v-zzzzzzzz/,
    );
  });

  it('should refuse a document without a root, as an invalidResponse', () => {
    const json = { ...toAwsOrganizationJson(NORTHWIND_ORGANIZATION), Roots: [] };
    let caught: unknown;
    try {
      fromAwsOrganizationJson(json);
    } catch (error) {
      caught = error;
    }

    expect(isAdapterError(caught) && caught.kind).toBe('invalidResponse');
    expect(() => fromAwsOrganizationJson('not json at all')).toThrow(/not valid/);
  });

  it('should refuse a tree whose management account is missing or whose OUs form a cycle', () => {
    const json = toAwsOrganizationJson(NORTHWIND_ORGANIZATION);
    json.Organization.MasterAccountId = '111111111111';
    const [first, second] = json.OrganizationalUnits;
    first!.ParentId = second!.Id;
    second!.ParentId = first!.Id;

    expect(() => fromAwsOrganizationJson(json)).toThrow(/111111111111 is not in the tree/);
    expect(() => fromAwsOrganizationJson(json)).toThrow(/is its own ancestor/);
  });
});
