import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';

import { indexOrganization } from '@aws-connection-wizard/core';
import { NORTHWIND_ORGANIZATION } from '@aws-connection-wizard/sdk';

import { DeploymentResults } from './DeploymentResults';

const index = indexOrganization(NORTHWIND_ORGANIZATION);

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

describe('given results for StackSet accounts and the management account', () => {
  it('should list each account with its name, id, status and reason', async () => {
    const { container } = render(
      <DeploymentResults
        index={index}
        checkedAt="14:05"
        results={[
          { accountId: '718744967223', status: 'succeeded' },
          { accountId: '612450360047', status: 'failed', reason: 'Role already exists.' },
          { accountId: '300980329511', status: 'skipped', reason: 'SKIPPED_SUSPENDED_ACCOUNT' },
        ]}
        managementAccount={{ accountId: '534439589175', status: 'inProgress' }}
      />,
    );

    const table = screen.getByRole('table', { name: 'Deployment results by account' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-state'))).toEqual([
      'succeeded',
      'failed',
      'skipped',
      'inProgress',
    ]);
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Sandbox Amelia Hart');
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['612450360047', 'Failed', 'Role already exists.']);
    expect(within(rows[3]).getByRole('rowheader')).toHaveTextContent(
      'Northwind ManagementManagement account (own command)',
    );
    expect(screen.getByText('1 of 4 accounts have the role')).toBeInTheDocument();
    expect(screen.getByText(/Checked at 14:05/)).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});

describe('given no results', () => {
  it('should say so instead of an empty table', () => {
    render(<DeploymentResults results={[]} />);

    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No results yet.')).toBeInTheDocument();
  });
});
