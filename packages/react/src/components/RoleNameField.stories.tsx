import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

import { RoleNameField } from './RoleNameField';

const meta = {
  title: 'Components/RoleNameField',
  component: RoleNameField,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: { value: 'northwind-production', onValueChange: fn() },
} satisfies Meta<typeof RoleNameField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Invalid: Story = {
  args: {
    value: 'northwind production!',
    error: 'Use only letters, digits and + = , . @ _ - (no spaces).',
  },
};
