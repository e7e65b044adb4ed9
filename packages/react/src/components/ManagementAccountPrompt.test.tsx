import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import * as React from 'react';

import type { ManagementAccountDecision } from '@aws-connection-wizard/core';

import { ManagementAccountPrompt } from './ManagementAccountPrompt';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

function Controlled({
  onValueChange,
}: {
  onValueChange: (value: ManagementAccountDecision) => void;
}) {
  const [value, setValue] = React.useState<ManagementAccountDecision | null>(null);
  return (
    <ManagementAccountPrompt
      value={value}
      managementAccountName="Northwind Management (534439589175)"
      onValueChange={(next) => {
        setValue(next);
        onValueChange(next);
      }}
    />
  );
}

describe('given an unanswered prompt', () => {
  it('should explain why and offer both answers, none chosen', async () => {
    const { container } = render(<Controlled onValueChange={() => {}} />);

    const group = screen.getByRole('radiogroup', { name: 'Include the management account?' });
    expect(group).toHaveAccessibleDescription(
      expect.stringContaining('StackSets never deploy to the management account'),
    );
    expect(group).toHaveAccessibleDescription(expect.stringContaining('Northwind Management'));
    expect(screen.getByRole('radio', { name: 'Include management account' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: "Don't include" })).not.toBeChecked();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'unanswered');
    await expectNoAxeViolations(container);
  });

  it('should report the answer picked with the keyboard', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { container } = render(<Controlled onValueChange={onValueChange} />);

    await user.tab();
    await user.keyboard(' ');
    expect(onValueChange).toHaveBeenLastCalledWith('include');
    // Radix moves focus in a timeout and checks the radio that gets focus while an arrow key is
    // down, so hold the key as a person does until focus has moved.
    await user.keyboard('{ArrowDown>}');
    await waitFor(() => expect(onValueChange).toHaveBeenLastCalledWith('exclude'));
    await user.keyboard('{/ArrowDown}');
    expect(screen.getByRole('radio', { name: "Don't include" })).toBeChecked();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'exclude');
  });
});

describe('given an error', () => {
  it('should mark the group invalid and announce the error', async () => {
    const { container } = render(
      <ManagementAccountPrompt value={null} onValueChange={() => {}} error="Choose an answer." />,
    );

    const group = screen.getByRole('radiogroup');
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(group).toHaveAccessibleDescription(expect.stringContaining('Choose an answer.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose an answer.');
    await expectNoAxeViolations(container);
  });
});
