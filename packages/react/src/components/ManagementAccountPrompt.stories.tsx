import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

import { ManagementAccountPrompt } from './ManagementAccountPrompt';

const meta = {
  title: 'Components/ManagementAccountPrompt',
  component: ManagementAccountPrompt,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    value: null,
    managementAccountName: 'Northwind Management (534439589175)',
    onValueChange: fn(),
  },
} satisfies Meta<typeof ManagementAccountPrompt>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Unanswered: Story = {};
export const Included: Story = { args: { value: 'include' } };
export const NotIncluded: Story = { args: { value: 'exclude' } };
export const Invalid: Story = {
  args: { error: 'Choose whether to include the management account before you continue.' },
};
