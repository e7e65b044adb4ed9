/**
 * Documented example inputs of the artefact generators. Each has golden files beside it
 * (`<name>.template.yaml`, `<name>.stackset.sh`, `<name>.management.sh`, `<name>.tf`); the
 * golden test regenerates them with `UPDATE_GOLDEN=1`.
 */
import type { DeploymentPlan } from '../../scope/types';
import type { ArtefactInput } from '../types';

const MANAGEMENT_ACCOUNT_ID = '111111111111';

const NO_MANAGEMENT_ACCOUNT: DeploymentPlan['managementAccount'] = {
  id: MANAGEMENT_ACCOUNT_ID,
  coverage: 'none',
  decision: null,
  needsDecision: false,
  inScope: false,
};

/** One OU with one excluded account; no managed policy; the management account left out. */
const ouWithExclusion: ArtefactInput = {
  connectionName: 'Production',
  roleName: 'doit-cloudflow-production',
  description: 'Read-only automation for production accounts',
  managedPolicyArns: [],
  allowedActions: ['s3:GetObject', 's3:ListBucket'],
  trustedAccountId: '068664126052',
  externalId: 'b6f1c7e2-3a5d-4f8e-9c1b-2d7a6e4f0a93',
  region: 'us-east-1',
  stackSetName: 'doit-cloudflow-production',
  plan: {
    stackSets: [
      {
        key: 'organization',
        autoDeployment: true,
        operations: [
          {
            organizationalUnitIds: ['ou-ab12-prod0001'],
            accounts: ['222222222222'],
            accountFilterType: 'DIFFERENCE',
          },
        ],
      },
    ],
    managementAccount: NO_MANAGEMENT_ACCOUNT,
    coverage: {
      now: ['333333333333', '444444444444'],
      excluded: ['222222222222'],
      skipped: [],
      futureOus: ['ou-ab12-prod0001'],
    },
    warnings: [],
  },
};

/**
 * The whole organisation, the management account included, plus two accounts picked one by
 * one in their own StackSet; a hostile connection name and description; managed policies.
 */
const rootWithManagementAccount: ArtefactInput = {
  connectionName: `Ops "all" $(whoami) \`id\` \${HOME} %{ if x } it's, a=b`,
  roleName: 'doit-cloudflow-ops_all.team',
  description: 'Line one\nLine two\t"quoted", $(not run) ${HOME} %{x} \u00e9t\u00e9',
  managedPolicyArns: [
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
  ],
  allowedActions: ['ec2:DescribeInstances', 'iam:*AccessKey*', 'EC2:describeregions'],
  trustedAccountId: '068664126052',
  externalId: 'tenant=acme,env:prod/a@b.c+d_e-f',
  region: 'eu-west-1',
  stackSetName: 'doit-cloudflow-ops-all-team-1fe74303',
  plan: {
    stackSets: [
      {
        key: 'organization',
        autoDeployment: true,
        operations: [
          { organizationalUnitIds: ['r-ab12'], accounts: [], accountFilterType: 'NONE' },
        ],
      },
      {
        key: 'accounts',
        autoDeployment: false,
        operations: [
          {
            organizationalUnitIds: ['ou-ab12-sandbox1'],
            accounts: ['555555555555', '666666666666'],
            accountFilterType: 'INTERSECTION',
          },
        ],
      },
    ],
    managementAccount: {
      id: MANAGEMENT_ACCOUNT_ID,
      coverage: 'ancestor',
      decision: 'include',
      needsDecision: false,
      inScope: true,
    },
    coverage: {
      now: ['111111111111', '333333333333', '555555555555', '666666666666'],
      excluded: [],
      skipped: [],
      futureOus: ['r-ab12'],
    },
    warnings: [],
  },
};

/** Only the management account, chosen directly: no StackSet at all. */
const managementAccountOnly: ArtefactInput = {
  connectionName: 'Billing',
  roleName: 'doit-cloudflow-billing',
  description: '',
  managedPolicyArns: ['arn:aws:iam::aws:policy/job-function/Billing'],
  allowedActions: [],
  trustedAccountId: '068664126052',
  externalId: 'ext-123',
  region: 'us-east-1',
  stackSetName: 'doit-cloudflow-billing',
  plan: {
    stackSets: [],
    managementAccount: {
      id: MANAGEMENT_ACCOUNT_ID,
      coverage: 'direct',
      decision: null,
      needsDecision: false,
      inScope: true,
    },
    coverage: { now: [MANAGEMENT_ACCOUNT_ID], excluded: [], skipped: [], futureOus: [] },
    warnings: [],
  },
};

export const EXAMPLE_INPUTS: Readonly<Record<string, ArtefactInput>> = {
  ouWithExclusion,
  rootWithManagementAccount,
  managementAccountOnly,
};
