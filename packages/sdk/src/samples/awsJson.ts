/**
 * Converts between the wizard's `Organization` and the JSON that AWS Organizations returns
 * (`DescribeOrganization`, `ListRoots`, `ListOrganizationalUnitsForParent`, `ListAccounts`),
 * gathered in one document with each OU's and account's `ParentId` from `ListParents`. The CLI
 * and tests read organisations saved this way, e.g. from `aws organizations ...` output.
 * ARN formats: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsorganizations.html#awsorganizations-resources-for-iam-policies
 */
import * as z from 'zod/mini';

import { AccountStateSchema, OrganizationSchema } from '@aws-connection-wizard/core';
import type { AccountState, Organization } from '@aws-connection-wizard/core';

import { parseAnswer, parseOrganization } from '../validation';

export interface AwsOrganizationJson {
  Organization: {
    Id: string;
    Arn: string;
    FeatureSet: 'ALL' | 'CONSOLIDATED_BILLING';
    MasterAccountArn: string;
    MasterAccountId: string;
    MasterAccountEmail: string;
  };
  Roots: { Id: string; Arn: string; Name: string }[];
  OrganizationalUnits: { Id: string; Arn: string; Name: string; ParentId: string }[];
  Accounts: {
    Id: string;
    Arn: string;
    Name: string;
    Email: string;
    State: AccountState;
    ParentId: string;
  }[];
}

// Only the fields the wizard reads are required; AWS adds more (JoinedTimestamp, PolicyTypes…)
// and those are ignored.
const AwsOrganizationJsonSchema = z.object({
  Organization: z.object({
    Id: z.string(),
    MasterAccountId: z.string(),
    FeatureSet: z.optional(z.string()),
  }),
  Roots: z.array(z.object({ Id: z.string(), Name: z.string() })).check(z.length(1)),
  OrganizationalUnits: z.array(
    z.object({ Id: z.string(), Name: z.string(), ParentId: z.string() }),
  ),
  Accounts: z.array(
    z.object({
      Id: z.string(),
      Name: z.string(),
      Email: z.string(),
      State: AccountStateSchema,
      ParentId: z.string(),
    }),
  ),
});

export function toAwsOrganizationJson(organization: Organization): AwsOrganizationJson {
  const orgId = organization.id;
  const managementId = organization.managementAccountId;
  const arn = (resource: string) => `arn:aws:organizations::${managementId}:${resource}`;
  const management = organization.accounts.find((account) => account.id === managementId);

  return {
    Organization: {
      Id: orgId,
      Arn: arn(`organization/${orgId}`),
      FeatureSet: 'ALL',
      MasterAccountArn: arn(`account/${orgId}/${managementId}`),
      MasterAccountId: managementId,
      MasterAccountEmail: management?.email ?? '',
    },
    Roots: [
      {
        Id: organization.root.id,
        Arn: arn(`root/${orgId}/${organization.root.id}`),
        Name: organization.root.name,
      },
    ],
    OrganizationalUnits: organization.organizationalUnits.map((ou) => ({
      Id: ou.id,
      Arn: arn(`ou/${orgId}/${ou.id}`),
      Name: ou.name,
      ParentId: ou.parentId,
    })),
    Accounts: organization.accounts.map((account) => ({
      Id: account.id,
      Arn: arn(`account/${orgId}/${account.id}`),
      Name: account.name,
      Email: account.email,
      State: account.state,
      ParentId: account.parentId,
    })),
  };
}

/**
 * Reads an organisation from AWS's JSON. Throws `AdapterError('invalidResponse')` naming what
 * is wrong when the document does not have AWS's shape, an id breaks AWS's patterns, or the
 * tree does not hold together.
 */
export function fromAwsOrganizationJson(json: unknown): Organization {
  const document = parseAnswer(AwsOrganizationJsonSchema, json, 'The AWS Organizations document');
  const [root] = document.Roots;

  return parseOrganization(
    OrganizationSchema,
    {
      id: document.Organization.Id,
      managementAccountId: document.Organization.MasterAccountId,
      root: { id: root?.Id, name: root?.Name },
      organizationalUnits: document.OrganizationalUnits.map((ou) => ({
        id: ou.Id,
        name: ou.Name,
        parentId: ou.ParentId,
      })),
      accounts: document.Accounts.map((account) => ({
        id: account.Id,
        name: account.Name,
        email: account.Email,
        state: account.State,
        parentId: account.ParentId,
      })),
    },
    'The AWS Organizations document',
  );
}
