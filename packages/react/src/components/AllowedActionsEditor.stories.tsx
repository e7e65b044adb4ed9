import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

import { AllowedActionsEditor } from './AllowedActionsEditor';

const meta = {
  title: 'Components/AllowedActionsEditor',
  component: AllowedActionsEditor,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    value: ['ce:GetCostAndUsage', 's3:*', 'ec2 DescribeInstances'],
    errors: [
      undefined,
      undefined,
      'Write it as service:Action, for example ec2:DescribeInstances.',
    ],
    warnings: [undefined, ['s3:* allows every Amazon S3 action, including deleting buckets.']],
    baseActions: ['ec2:DescribeRegions', 'iam:GetRole', 'iam:ListAttachedRolePolicies'],
    onValueChange: fn(),
  },
} satisfies Meta<typeof AllowedActionsEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithErrorsAndWarnings: Story = {};
export const Blank: Story = { args: { value: [''], errors: [], warnings: [] } };
