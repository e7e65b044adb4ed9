/**
 * A retailer's organisation of 50 accounts, laid out as AWS recommends in "Organizing Your AWS
 * Environment Using Multiple Accounts" (Security, Infrastructure, Workloads with Prod and SDLC,
 * Sandbox, Policy Staging, Suspended, Exceptions, Deployments, Individual Business Users,
 * Transitional): https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/recommended-ous-and-accounts.html
 * The management account sits directly under the root, as AWS advises. Emails use the reserved
 * `.example` domain (RFC 2606).
 */
import type { Organization } from '@aws-connection-wizard/core';

import { buildOrganization } from './build';

export const NORTHWIND_MANAGEMENT_ACCOUNT_ID = '534439589175';

export const NORTHWIND_ORGANIZATION: Organization = buildOrganization({
  id: 'o-nw7k2m9q4x',
  managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
  rootId: 'r-nw7k',
  emailDomain: 'northwind.example',
  accounts: [
    [NORTHWIND_MANAGEMENT_ACCOUNT_ID, 'Northwind Management'],
    ['282184450280', 'Billing Reports'],
    ['009476914050', 'Domain Registrar'],
    ['561661581186', 'Marketplace Seller'],
  ],
  units: [
    {
      id: 'ou-nw7k-vdgaj8gx',
      name: 'Security',
      units: [
        {
          id: 'ou-nw7k-benyjqwx',
          name: 'Prod',
          accounts: [
            ['154335349840', 'Log Archive'],
            ['205380810795', 'Security Tooling'],
            ['741520749048', 'Forensics'],
          ],
        },
        {
          id: 'ou-nw7k-4hh5344t',
          name: 'SDLC',
          accounts: [['334107653877', 'Security Tooling Test']],
        },
      ],
    },
    {
      id: 'ou-nw7k-fjgvq4k7',
      name: 'Infrastructure',
      units: [
        {
          id: 'ou-nw7k-bn7xj8b7',
          name: 'Prod',
          accounts: [
            ['194650323160', 'Network Hub'],
            ['561423994714', 'Shared Services'],
            ['362293031823', 'Identity'],
            ['705979998169', 'Backup Vault'],
          ],
        },
        {
          id: 'ou-nw7k-tfq7xkwo',
          name: 'SDLC',
          accounts: [
            ['166247805478', 'Network Test'],
            ['722026593455', 'Shared Services Test'],
          ],
        },
      ],
    },
    {
      id: 'ou-nw7k-886vompz',
      name: 'Workloads',
      units: [
        {
          id: 'ou-nw7k-om75wbbr',
          name: 'Prod',
          accounts: [['560805363094', 'Logistics Prod']],
          units: [
            {
              id: 'ou-nw7k-4qmw2wxf',
              name: 'Storefront',
              accounts: [
                ['792448538713', 'Storefront Prod'],
                ['742644932277', 'Storefront EU Prod'],
                ['168494888361', 'Search Prod'],
              ],
            },
            {
              id: 'ou-nw7k-ogo4mvn4',
              name: 'Payments',
              accounts: [
                ['742428765391', 'Payments Prod'],
                ['153243337236', 'Fraud Detection Prod'],
              ],
            },
            {
              id: 'ou-nw7k-a4wfhym4',
              name: 'Data Platform',
              accounts: [
                ['344711152332', 'Data Lake Prod'],
                ['710085427120', 'Analytics Prod'],
                ['249715982027', 'ML Serving Prod'],
              ],
            },
          ],
        },
        {
          id: 'ou-nw7k-l1vfz3zf',
          name: 'SDLC',
          accounts: [['884036592425', 'Logistics Dev']],
          units: [
            {
              id: 'ou-nw7k-kkibj3j4',
              name: 'Storefront',
              accounts: [
                ['693325057700', 'Storefront Dev'],
                ['727571139008', 'Storefront Staging'],
                ['715505242680', 'Search Dev'],
              ],
            },
            {
              id: 'ou-nw7k-wj99ibag',
              name: 'Payments',
              accounts: [
                ['850829545519', 'Payments Dev'],
                ['212445363595', 'Payments Staging'],
              ],
            },
            {
              id: 'ou-nw7k-7i1mnbqn',
              name: 'Data Platform',
              accounts: [
                ['729563178897', 'Data Lake Dev'],
                ['308902542663', 'Analytics Dev'],
                ['204678650371', 'ML Training'],
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'ou-nw7k-s6puq80i',
      name: 'Sandbox',
      accounts: [
        ['718744967223', 'Sandbox Amelia Hart'],
        ['778860817844', 'Sandbox Diego Ramos'],
        ['646345432543', 'Sandbox Priya Natarajan'],
        ['687037847892', 'Sandbox Tom Becker'],
        ['952240019582', 'Sandbox Yuki Tanaka'],
        ['612450360047', 'Hackathon 2026'],
      ],
    },
    {
      id: 'ou-nw7k-dw3706i8',
      name: 'Policy Staging',
      accounts: [
        ['497083403312', 'Policy Staging Prod'],
        ['371870429101', 'Policy Staging Test'],
      ],
    },
    {
      id: 'ou-nw7k-j76b2laj',
      name: 'Suspended',
      accounts: [
        ['300980329511', 'Legacy Marketing', 'SUSPENDED'],
        ['957700650132', 'Old Reporting', 'SUSPENDED'],
        ['186947732475', 'Closed Pilot', 'SUSPENDED'],
      ],
    },
    {
      id: 'ou-nw7k-lj4h9du7',
      name: 'Exceptions',
      accounts: [['428884645551', 'Mainframe Bridge']],
    },
    {
      id: 'ou-nw7k-794g9dpm',
      name: 'Deployments',
      units: [
        { id: 'ou-nw7k-rcg629be', name: 'Prod', accounts: [['643421581089', 'CI/CD Prod']] },
        { id: 'ou-nw7k-2u66mr26', name: 'SDLC', accounts: [['477420841671', 'CI/CD Test']] },
      ],
    },
    {
      id: 'ou-nw7k-846p7q9m',
      name: 'Individual Business Users',
      accounts: [
        ['592759215392', 'BI Workbench'],
        ['766956614152', 'Research Notebooks'],
      ],
    },
    {
      id: 'ou-nw7k-2i0hz2ue',
      name: 'Transitional',
      accounts: [
        ['181519230264', 'Acquired Fabrikam'],
        ['663147804432', 'Acquired Fabrikam Logs'],
      ],
    },
  ],
});
