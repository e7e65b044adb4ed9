import type { Meta, StoryObj } from '@storybook/react-vite';

import { indexOrganization } from '@aws-connection-wizard/core';
import { NORTHWIND_ORGANIZATION } from '@aws-connection-wizard/sdk';

import { DeploymentResults } from './DeploymentResults';

const meta = {
  title: 'Components/DeploymentResults',
  component: DeploymentResults,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    index: indexOrganization(NORTHWIND_ORGANIZATION),
    checkedAt: '14:05',
    results: [
      { accountId: '718744967223', status: 'succeeded' },
      { accountId: '778860817844', status: 'succeeded' },
      { accountId: '646345432543', status: 'inProgress' },
      {
        accountId: '612450360047',
        status: 'failed',
        reason: 'doit-cloudflow-prod already exists in stack ROLLBACK_COMPLETE.',
      },
      { accountId: '300980329511', status: 'skipped', reason: 'SKIPPED_SUSPENDED_ACCOUNT' },
      { accountId: '687037847892', status: 'notDeployed' },
    ],
    managementAccount: { accountId: '534439589175', status: 'succeeded' },
  },
} satisfies Meta<typeof DeploymentResults>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Mixed: Story = {};
export const NoResults: Story = { args: { results: [], managementAccount: null } };
