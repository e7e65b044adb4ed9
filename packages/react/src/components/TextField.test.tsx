import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import * as React from 'react';

import { TextField } from './TextField';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

function Controlled({ onValueChange }: { onValueChange: (value: string) => void }) {
  const [value, setValue] = React.useState('');
  return (
    <TextField
      label="Connection name"
      value={value}
      onValueChange={(next) => {
        setValue(next);
        onValueChange(next);
      }}
      error={value.trim() === '' ? 'Enter a connection name.' : undefined}
    />
  );
}

describe('given a controlled text field', () => {
  it('should report every edit and clear the error once valid', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { container } = render(<Controlled onValueChange={onValueChange} />);

    const input = screen.getByRole('textbox', { name: 'Connection name' });
    expect(input).toHaveAccessibleDescription('Enter a connection name.');
    await expectNoAxeViolations(container);
    await user.type(input, 'Prod');
    expect(onValueChange).toHaveBeenLastCalledWith('Prod');
    expect(input).toHaveValue('Prod');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('should forward its ref to the input', () => {
    const ref = React.createRef<HTMLInputElement>();
    render(<TextField ref={ref} label="Name" value="x" onValueChange={() => {}} />);

    expect(ref.current).toBe(screen.getByRole('textbox'));
  });
});
