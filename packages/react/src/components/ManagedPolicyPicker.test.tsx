import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import * as React from 'react';

import type { ManagedPolicy } from '@aws-connection-wizard/core';

import { ManagedPolicyPicker } from './ManagedPolicyPicker';

const POLICIES: ManagedPolicy[] = [
  {
    arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    name: 'ReadOnlyAccess',
    description: 'Read-only access to AWS services and resources.',
  },
  {
    arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    name: 'ViewOnlyAccess',
    description: 'Lists resources and views basic metadata.',
  },
  {
    arn: 'arn:aws:iam::aws:policy/SecurityAudit',
    name: 'SecurityAudit',
    description: 'Reads security configuration metadata.',
  },
  { arn: 'arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess', name: 'AWSBillingReadOnlyAccess' },
];

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

function Controlled(props: {
  initial?: string[];
  max?: number;
  onValueChange?: (v: string[]) => void;
}) {
  const [value, setValue] = React.useState(props.initial ?? []);
  return (
    <ManagedPolicyPicker
      policies={POLICIES}
      value={value}
      max={props.max}
      onValueChange={(next) => {
        setValue(next);
        props.onValueChange?.(next);
      }}
    />
  );
}

describe('given a search', () => {
  it('should show only policies whose name, ARN or description match every word', async () => {
    const user = userEvent.setup();
    const { container } = render(<Controlled />);

    await user.type(
      screen.getByRole('searchbox', { name: 'Search AWS managed policies' }),
      'read only',
    );
    const options = screen.getAllByRole('checkbox').map((box) => box.getAttribute('id'));
    expect(options).toHaveLength(2);
    expect(screen.getByRole('checkbox', { name: 'ReadOnlyAccess' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'AWSBillingReadOnlyAccess' })).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'job-function');
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nothing like this');
    expect(screen.getByText('No managed policy matches the search.')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});

describe('given the keyboard', () => {
  it('should move from the search box into the list and select with Space', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { container } = render(<Controlled onValueChange={onValueChange} />);

    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('checkbox', { name: 'ReadOnlyAccess' })).toHaveFocus();
    await user.keyboard('{ArrowDown} ');
    expect(onValueChange).toHaveBeenLastCalledWith([
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    ]);
    const chips = screen.getByRole('list', { name: 'Selected policies' });
    expect(within(chips).getByText('ViewOnlyAccess')).toBeInTheDocument();
    expect(screen.getByText('1 of 10 selected')).toBeInTheDocument();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('searchbox')).toHaveFocus();
    await expectNoAxeViolations(container);
  });
});

describe('given the quota is reached', () => {
  it('should disable unselected policies and let a chip remove one', async () => {
    const user = userEvent.setup();
    render(
      <Controlled
        max={2}
        initial={[
          'arn:aws:iam::aws:policy/ReadOnlyAccess',
          'arn:aws:iam::aws:policy/SecurityAudit',
        ]}
      />,
    );

    expect(screen.getByText('2 of 2 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'ViewOnlyAccess' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'ReadOnlyAccess' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Remove SecurityAudit' }));
    expect(screen.getByText('1 of 2 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'ViewOnlyAccess' })).toBeEnabled();
  });
});
