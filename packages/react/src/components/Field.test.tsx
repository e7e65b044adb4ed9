import { render, screen } from '@testing-library/react';
import axe from 'axe-core';

import { Field } from './Field';
import { Spinner } from './Spinner';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

describe('given a field with a hint, an error and a pending check', () => {
  it('should connect all three to the control', async () => {
    const { container } = render(
      <Field
        label="Connection name"
        hint="Shown to everyone who uses the connection."
        error="Another connection already has this name."
        pending={<Spinner size="small" label="Checking the name…" showLabel />}
        required
      >
        {(control) => <input {...control} className="awcw-input" defaultValue="prod" />}
      </Field>,
    );

    const input = screen.getByRole('textbox', { name: 'Connection name (Required)' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAttribute('aria-required', 'true');
    expect(input).toHaveAccessibleDescription(
      'Shown to everyone who uses the connection. Another connection already has this name. Checking the name…',
    );
    expect(container.firstElementChild).toHaveAttribute('data-state', 'pending');
    await expectNoAxeViolations(container);
  });
});

describe('given a valid field', () => {
  it('should not mark the control invalid or describe it', () => {
    render(<Field label="Description">{(control) => <input {...control} />}</Field>);

    const input = screen.getByRole('textbox', { name: 'Description' });
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAttribute('aria-describedby');
  });
});
