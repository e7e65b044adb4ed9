import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';

import { EmptyState } from './EmptyState';
import { InlineAlert } from './InlineAlert';
import { Progress } from './Progress';
import { Spinner } from './Spinner';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

describe('given an error alert with a retry', () => {
  it('should be announced at once and call retry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { container } = render(
      <InlineAlert variant="error" title="Couldn't load the organization" onRetry={onRetry}>
        The request timed out.
      </InlineAlert>,
    );

    expect(screen.getByRole('alert')).toHaveTextContent(
      "Couldn't load the organizationThe request timed out.Try again",
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations(container);
  });

  it('should disable retry while retrying', () => {
    render(<InlineAlert variant="error" onRetry={() => {}} retrying title="Failed" />);

    expect(screen.getByRole('button', { name: 'Try again' })).toBeDisabled();
  });
});

describe('given a warning', () => {
  it('should be a polite status', () => {
    render(<InlineAlert variant="warning">Risky action.</InlineAlert>);

    expect(screen.getByRole('status')).toHaveAttribute('data-variant', 'warning');
  });
});

describe('given a spinner', () => {
  it('should announce its label, visible or not', async () => {
    const { container } = render(
      <>
        <Spinner />
        <Spinner label="Checking the name…" showLabel />
      </>,
    );

    const [hidden, shown] = screen.getAllByRole('status');
    expect(hidden).toHaveTextContent('Loading…');
    expect(hidden.querySelector('.awcw-visually-hidden')).toHaveTextContent('Loading…');
    expect(shown.querySelector('.awcw-spinner-label')).toHaveTextContent('Checking the name…');
    await expectNoAxeViolations(container);
  });
});

describe('given a progress bar', () => {
  it('should report a known value, and none while indeterminate', async () => {
    const { container } = render(
      <>
        <Progress label="Creating the connection" value={3} max={12} valueText="3 of 12 accounts" />
        <Progress label="Waiting for AWS" />
      </>,
    );

    const known = screen.getByRole('progressbar', { name: 'Creating the connection' });
    expect(known).toHaveAttribute('aria-valuenow', '3');
    expect(known).toHaveAttribute('aria-valuetext', '3 of 12 accounts');
    expect(known).toHaveAttribute('data-state', 'loading');
    const unknown = screen.getByRole('progressbar', { name: 'Waiting for AWS' });
    expect(unknown).not.toHaveAttribute('aria-valuenow');
    expect(unknown).toHaveAttribute('data-state', 'indeterminate');
    await expectNoAxeViolations(container);
  });
});

describe('given an empty state', () => {
  it('should title the situation and offer the host action', async () => {
    const { container } = render(
      <EmptyState
        title="No management account is onboarded yet"
        description="Onboard your AWS management account first."
        action={<a href="/settings/aws">Onboard an account</a>}
      />,
    );

    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      'No management account is onboarded yet',
    );
    expect(screen.getByRole('link', { name: 'Onboard an account' })).toHaveAttribute(
      'href',
      '/settings/aws',
    );
    await expectNoAxeViolations(container);
  });
});
