import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

import type { ManagedPolicy } from '@aws-connection-wizard/core';

import { ManagedPolicyPicker } from './ManagedPolicyPicker';

const POLICIES: ManagedPolicy[] = [
  {
    arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    name: 'ReadOnlyAccess',
    description: 'Provides read-only access to AWS services and resources.',
  },
  {
    arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    name: 'ViewOnlyAccess',
    description: 'Lists resources and views basic metadata across all services.',
  },
  {
    arn: 'arn:aws:iam::aws:policy/SecurityAudit',
    name: 'SecurityAudit',
    description: 'Grants access to read security configuration metadata.',
  },
  {
    arn: 'arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess',
    name: 'AWSBillingReadOnlyAccess',
    description: 'Allows users to view bills on the Billing console.',
  },
  {
    arn: 'arn:aws:iam::aws:policy/job-function/Billing',
    name: 'Billing',
    description: 'Grants permissions for billing and cost management.',
  },
  {
    arn: 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess',
    name: 'AmazonEC2ReadOnlyAccess',
    description: 'Provides read-only access to Amazon EC2 via the AWS Management Console.',
  },
];

const meta = {
  title: 'Components/ManagedPolicyPicker',
  component: ManagedPolicyPicker,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    policies: POLICIES,
    value: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/SecurityAudit'],
    onValueChange: fn(),
  },
} satisfies Meta<typeof ManagedPolicyPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TwoSelected: Story = {};
export const QuotaReached: Story = { args: { max: 2 } };
export const Loading: Story = { args: { loading: true, value: [] } };
export const Invalid: Story = {
  args: { value: [], error: 'Choose a managed policy or add an allowed action.' },
};
