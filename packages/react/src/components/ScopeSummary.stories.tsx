import type { Meta, StoryObj } from '@storybook/react-vite';

import {
  EMPTY_SCOPE,
  indexOrganization,
  planDeployment,
  setManagementAccountDecision,
} from '@aws-connection-wizard/core';
import { NORTHWIND_ORGANIZATION } from '@aws-connection-wizard/sdk';

import { ScopeSummary } from './ScopeSummary';

const index = indexOrganization(NORTHWIND_ORGANIZATION);
const rootSelected = { ...EMPTY_SCOPE, selected: [index.rootId] };

const meta = {
  title: 'Components/ScopeSummary',
  component: ScopeSummary,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: { index, plan: planDeployment(index, EMPTY_SCOPE) },
} satisfies Meta<typeof ScopeSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NothingSelected: Story = {};

export const OuWithExclusion: Story = {
  args: {
    plan: planDeployment(index, {
      ...EMPTY_SCOPE,
      selected: ['ou-nw7k-s6puq80i'],
      excluded: ['612450360047'],
    }),
  },
};

export const WholeOrganizationAwaitingDecision: Story = {
  args: { plan: planDeployment(index, rootSelected) },
};

export const WholeOrganizationWithManagementAccount: Story = {
  args: {
    plan: planDeployment(index, setManagementAccountDecision(index, rootSelected, 'include')),
  },
};

export const PickedAccountsAndSuspended: Story = {
  args: {
    plan: planDeployment(index, {
      ...EMPTY_SCOPE,
      selected: ['ou-nw7k-j76b2laj', '282184450280', '718744967223'],
    }),
  },
};
