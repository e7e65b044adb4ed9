import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

import { EmptyState } from './EmptyState';
import { InlineAlert } from './InlineAlert';
import { Progress } from './Progress';
import { Spinner } from './Spinner';

const meta = {
  title: 'Components/InlineAlert',
  component: InlineAlert,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    variant: 'error',
    title: "Couldn't load the organization",
    children: 'AWS Organizations did not answer in time.',
    onRetry: fn(),
  },
} satisfies Meta<typeof InlineAlert>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ErrorWithRetry: Story = {};
export const Warning: Story = {
  args: {
    variant: 'warning',
    title: undefined,
    children: 'Automatic deployment also reaches accounts added later to Sandbox.',
    onRetry: undefined,
  },
};
export const Info: Story = {
  args: {
    variant: 'info',
    title: 'The management account needs its own command',
    children: 'StackSets never deploy to it.',
    onRetry: undefined,
  },
};

export const AllFeedback: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      <Spinner label="Loading the organization…" showLabel />
      <Progress label="Creating the connection" value={5} max={12} valueText="5 of 12 accounts" />
      <Progress label="Waiting for AWS" />
      <EmptyState
        title="No management account is onboarded yet"
        description="Only management accounts already linked to the platform can be connected."
        action={
          <a className="awcw-button" data-variant="primary" href="#onboard">
            Onboard an account
          </a>
        }
      />
    </div>
  ),
};
