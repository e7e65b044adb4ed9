import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

import { SAMPLE_CURRENT_USER, SAMPLE_USERS } from '@aws-connection-wizard/sdk';

import { AccessEditor } from './AccessEditor';

const meta = {
  title: 'Components/AccessEditor',
  component: AccessEditor,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    value: [
      { email: SAMPLE_CURRENT_USER.email, level: 'owner' },
      { email: SAMPLE_USERS[1].email, level: 'editor' },
      { email: '', level: 'user' },
    ],
    levels: [
      { value: 'owner', label: 'Owner' },
      { value: 'editor', label: 'Editor' },
      { value: 'user', label: 'User' },
    ],
    creatorEmail: SAMPLE_CURRENT_USER.email,
    suggestions: SAMPLE_USERS,
    onValueChange: fn(),
  },
} satisfies Meta<typeof AccessEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const DuplicateEmail: Story = {
  args: {
    value: [
      { email: SAMPLE_CURRENT_USER.email, level: 'owner' },
      { email: SAMPLE_USERS[1].email, level: 'editor' },
      { email: SAMPLE_USERS[1].email, level: 'user' },
    ],
    errors: [undefined, undefined, 'This user is already in the list.'],
  },
};
