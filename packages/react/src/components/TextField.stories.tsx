import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

import { Spinner } from './Spinner';
import { TextField } from './TextField';

const meta = {
  title: 'Components/TextField',
  component: TextField,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    label: 'Connection name',
    hint: 'Shown to everyone who uses the connection.',
    value: 'Northwind production',
    required: true,
    onValueChange: fn(),
  },
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {};
export const CheckingName: Story = {
  args: { pending: <Spinner size="small" label="Checking the name…" showLabel /> },
};
export const NameTaken: Story = {
  args: { error: 'Another connection in this organization already has this name.' },
};
export const Empty: Story = { args: { value: '', error: 'Enter a connection name.' } };
