import type { Meta, StoryObj } from '@storybook/react-vite';

import { Field } from './Field';
import { Spinner } from './Spinner';

const meta = {
  title: 'Components/Field',
  component: Field,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    label: 'Description',
    hint: 'Optional. Helps your team tell connections apart.',
    children: (control) => <textarea {...control} className="awcw-input" rows={3} />,
  },
} satisfies Meta<typeof Field>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Invalid: Story = { args: { error: 'Use at most 1,000 characters.' } };
export const Pending: Story = {
  args: { pending: <Spinner size="small" label="Checking…" showLabel /> },
};
