import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import * as React from 'react';

import { AllowedActionsEditor } from './AllowedActionsEditor';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

function Controlled({
  initial,
  onValueChange,
}: {
  initial: string[];
  onValueChange?: (v: string[]) => void;
}) {
  const [value, setValue] = React.useState(initial);
  return (
    <AllowedActionsEditor
      value={value}
      onValueChange={(next) => {
        setValue(next);
        onValueChange?.(next);
      }}
      errors={value.map((action) =>
        action !== '' && !action.includes(':') ? 'Write it as service:Action.' : undefined,
      )}
      warnings={value.map((action) => (action === 's3:*' ? ['Allows every S3 action.'] : []))}
      baseActions={['ec2:DescribeRegions', 'iam:GetRole']}
    />
  );
}

describe('given allowed actions with an error and a warning', () => {
  it('should describe each row with its own messages', async () => {
    const { container } = render(<Controlled initial={['s3:*', 'ec2 Describe']} />);

    const first = screen.getByRole('textbox', { name: 'Allowed action 1' });
    const second = screen.getByRole('textbox', { name: 'Allowed action 2' });
    expect(first).toHaveAccessibleDescription('Allows every S3 action.');
    expect(first).not.toHaveAttribute('aria-invalid');
    expect(second).toHaveAttribute('aria-invalid', 'true');
    expect(second).toHaveAccessibleDescription('Write it as service:Action.');
    expect(screen.getByText('ec2:DescribeRegions')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});

describe('given the add and remove buttons', () => {
  it('should add a row and focus it', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<Controlled initial={['s3:GetObject']} onValueChange={onValueChange} />);

    await user.click(screen.getByRole('button', { name: 'Add another allowed action' }));
    const added = screen.getByRole('textbox', { name: 'Allowed action 2' });
    expect(added).toHaveFocus();
    await user.keyboard('sqs:SendMessage');
    expect(onValueChange).toHaveBeenLastCalledWith(['s3:GetObject', 'sqs:SendMessage']);
  });

  it('should remove a row, move focus to the next one and keep the last row', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <Controlled initial={['s3:GetObject', 'sqs:SendMessage']} onValueChange={onValueChange} />,
    );

    await user.click(
      screen.getByRole('button', { name: 'Remove allowed action 1 (s3:GetObject)' }),
    );
    expect(onValueChange).toHaveBeenLastCalledWith(['sqs:SendMessage']);
    expect(screen.getByRole('textbox', { name: 'Allowed action 1' })).toHaveFocus();
    expect(
      screen.getByRole('button', { name: 'Remove allowed action 1 (sqs:SendMessage)' }),
    ).toBeDisabled();
  });
});
