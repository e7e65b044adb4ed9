/**
 * The management accounts the sample platform has onboarded, one per sample organisation.
 * Northwind is already connected, so the "create a connection from existing permissions" path
 * shows; Contoso Health is onboarded but not connected.
 */
import type { ManagementAccount, Organization } from '@aws-connection-wizard/core';

import { CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID, CONTOSO_HEALTH_ORGANIZATION } from './contosoHealth';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from './northwind';

export const SAMPLE_ORGANIZATIONS: readonly Organization[] = [
  NORTHWIND_ORGANIZATION,
  CONTOSO_HEALTH_ORGANIZATION,
];

export const SAMPLE_MANAGEMENT_ACCOUNTS: readonly ManagementAccount[] = [
  { accountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID, name: 'Northwind Management', connected: true },
  {
    accountId: CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
    name: 'Contoso Health Management',
    connected: false,
  },
];

/**
 * No onboarded management account: pass it as `managementAccounts` to show the wizard's empty
 * state, with the host's link to onboarding.
 */
export const NO_MANAGEMENT_ACCOUNTS: readonly ManagementAccount[] = [];
