/**
 * A healthcare group's organisation of 50 accounts on AWS's recommended OU structure
 * (https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/recommended-ous-and-accounts.html),
 * with workloads nested four OU levels deep by business unit, environment and jurisdiction.
 * Unlike the Northwind sample, the management account lives inside an OU (Infrastructure/Prod),
 * which AWS allows and StackSets must cope with:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeploymentTargets.html
 */
import type { Organization } from '@aws-connection-wizard/core';

import { buildOrganization } from './build';

export const CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID = '184474343888';

export const CONTOSO_HEALTH_ORGANIZATION: Organization = buildOrganization({
  id: 'o-ch3v8p1r6z',
  managementAccountId: CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
  rootId: 'r-ch3v',
  emailDomain: 'contoso-health.example',
  accounts: [],
  units: [
    {
      id: 'ou-ch3v-jqi3ogz5',
      name: 'Security',
      accounts: [
        ['713169162910', 'Log Archive'],
        ['970044521458', 'Security Tooling'],
        ['241532477888', 'Security Tooling Staging'],
        ['475009690060', 'Incident Response'],
      ],
    },
    {
      id: 'ou-ch3v-kok16zv0',
      name: 'Infrastructure',
      units: [
        {
          id: 'ou-ch3v-mwufxbv9',
          name: 'Prod',
          accounts: [
            [CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID, 'Contoso Health Management'],
            ['485238360207', 'Network'],
            ['648013645773', 'Shared Services'],
            ['978663959323', 'Directory Services'],
          ],
        },
        { id: 'ou-ch3v-32byv7s6', name: 'SDLC', accounts: [['174973831018', 'Network Sandbox']] },
      ],
    },
    {
      id: 'ou-ch3v-ehogfqrc',
      name: 'Workloads',
      units: [
        {
          id: 'ou-ch3v-lri1qzj8',
          name: 'Clinical',
          units: [
            {
              id: 'ou-ch3v-65ufrdl1',
              name: 'Prod',
              units: [
                {
                  id: 'ou-ch3v-erbfqfoe',
                  name: 'EU',
                  accounts: [
                    ['202391881982', 'Patient Portal EU'],
                    ['400410117846', 'Records EU'],
                  ],
                },
                {
                  id: 'ou-ch3v-qh3av90r',
                  name: 'US',
                  accounts: [
                    ['866540415529', 'Patient Portal US'],
                    ['171571988762', 'Records US'],
                    ['903419457547', 'Imaging US'],
                  ],
                },
              ],
            },
            {
              id: 'ou-ch3v-ic7phkqd',
              name: 'SDLC',
              accounts: [
                ['442315301686', 'Patient Portal Dev'],
                ['734139589761', 'Patient Portal Test'],
                ['851589624075', 'Records Dev'],
                ['004815162342', 'Imaging Dev'],
                ['771600830189', 'Imaging Test'],
              ],
            },
          ],
        },
        {
          id: 'ou-ch3v-lmtt7ns2',
          name: 'Corporate',
          units: [
            {
              id: 'ou-ch3v-6lrwbqca',
              name: 'Prod',
              accounts: [
                ['593156411813', 'HR Systems'],
                ['887201343663', 'Finance ERP'],
                ['480828963614', 'Intranet'],
                ['450324768017', 'Payroll'],
              ],
            },
            {
              id: 'ou-ch3v-b69m64p2',
              name: 'SDLC',
              accounts: [
                ['488530022802', 'HR Systems Test'],
                ['770736660454', 'Finance ERP Test'],
              ],
            },
          ],
        },
        {
          id: 'ou-ch3v-g158z6tn',
          name: 'Research',
          accounts: [
            ['641668801912', 'Genomics Pipeline'],
            ['336476408576', 'Trials Analytics'],
            ['416832148161', 'Research Data Share'],
          ],
        },
      ],
    },
    {
      id: 'ou-ch3v-ovmizwdi',
      name: 'Sandbox',
      accounts: [
        ['912304330959', 'Sandbox Aisha Bello'],
        ['534855194499', 'Sandbox Bjorn Lindqvist'],
        ['649203575472', 'Sandbox Carmen Ortega'],
        ['280734720487', 'Sandbox Dmitri Volkov'],
        ['540015909378', 'Sandbox Emeka Obi'],
        ['407302504465', 'Sandbox Fatima Zahra'],
        ['254117960025', 'Sandbox Grace Liu'],
        ['575965182681', 'Sandbox Hamish Reid'],
        ['258931371865', 'Sandbox Ines Moreau'],
        ['685914913775', 'Sandbox Jonas Weber'],
      ],
    },
    {
      id: 'ou-ch3v-p1enthjx',
      name: 'Policy Staging',
      accounts: [
        ['705006206473', 'Policy Staging Prod'],
        ['874289922637', 'Policy Staging Test'],
      ],
    },
    {
      id: 'ou-ch3v-x5t0c2nd',
      name: 'Suspended',
      accounts: [
        ['848865219904', 'Telehealth Pilot', 'SUSPENDED'],
        ['520409406981', 'Old Billing', 'SUSPENDED'],
        ['357516494685', 'Vendor Trial', 'SUSPENDED'],
        ['190842513597', 'Clinic Kiosk Pilot', 'PENDING_CLOSURE'],
      ],
    },
    {
      id: 'ou-ch3v-q8m3e7fa',
      name: 'Exceptions',
      accounts: [
        ['263965606640', 'Legacy PACS'],
        ['819912079092', 'Lab Instruments'],
      ],
    },
    {
      id: 'ou-ch3v-h2d9w4kz',
      name: 'Deployments',
      accounts: [
        ['822550752886', 'Pipelines Prod'],
        ['113887072746', 'Pipelines Test'],
      ],
    },
    {
      id: 'ou-ch3v-u6y1p0bs',
      name: 'Individual Business Users',
      accounts: [
        ['300098761823', 'Data Science Workbench'],
        ['410366133445', 'Finance Analysts'],
      ],
    },
  ],
});
