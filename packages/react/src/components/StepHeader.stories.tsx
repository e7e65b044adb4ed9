import type { Meta, StoryObj } from '@storybook/react-vite';

import { StepHeader } from './StepHeader';

const meta = {
  title: 'Components/StepHeader',
  component: StepHeader,
  decorators: [
    (Story) => (
      <div className="awcw-root" style={{ padding: 24, maxWidth: 880 }}>
        <div className="awcw-accordion">
          <div className="awcw-accordion-item">
            <h3 className="awcw-accordion-header">
              <button type="button" className="awcw-accordion-trigger">
                <Story />
              </button>
            </h3>
          </div>
        </div>
      </div>
    ),
  ],
  args: { number: 2, title: 'Scope', state: 'current' },
} satisfies Meta<typeof StepHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Upcoming: Story = { args: { state: 'upcoming', number: 4, title: 'Deploy to AWS' } };
export const Current: Story = {};
export const Complete: Story = {
  args: { state: 'complete', number: 1, title: 'Details', summary: 'Northwind production' },
};
export const Invalid: Story = {
  args: { state: 'invalid', number: 3, title: 'Policies and permissions', errorCount: 2 },
};
