import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import * as React from 'react';

import { ROLE_NAME_PREFIX } from '@aws-connection-wizard/core';

import { RoleNameField } from './RoleNameField';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

function Controlled() {
  const [value, setValue] = React.useState('prod');
  return <RoleNameField value={value} onValueChange={setValue} />;
}

describe('given the role-name field', () => {
  it('should show the fixed prefix outside the editable text and announce it', async () => {
    const user = userEvent.setup();
    const { container } = render(<Controlled />);

    const input = screen.getByRole('textbox', { name: 'IAM role name' });
    expect(screen.getByText(ROLE_NAME_PREFIX)).toHaveAttribute('aria-hidden', 'true');
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining(`always starts with ${ROLE_NAME_PREFIX}`),
    );
    await user.clear(input);
    await user.type(input, 'billing');
    expect(input).toHaveValue('billing');
    await expectNoAxeViolations(container);
  });

  it('should carry an error with the prefix description', () => {
    render(
      <RoleNameField value="bad name!" onValueChange={() => {}} error="Use letters and digits." />,
    );

    const input = screen.getByRole('textbox');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Use letters and digits.'));
    expect(input).toHaveAccessibleDescription(expect.stringContaining(ROLE_NAME_PREFIX));
  });
});
