import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';

import {
  EMPTY_SCOPE,
  indexOrganization,
  planDeployment,
  setManagementAccountDecision,
  toggleNode,
} from '@aws-connection-wizard/core';
import { NORTHWIND_ORGANIZATION } from '@aws-connection-wizard/sdk';

import { ScopeSummary } from './ScopeSummary';

const index = indexOrganization(NORTHWIND_ORGANIZATION);
const SANDBOX = 'ou-nw7k-s6puq80i';
const HACKATHON = '612450360047';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

const section = (name: string) => screen.getByRole('heading', { name }).parentElement!;

describe('given nothing selected', () => {
  it('should ask for a selection and say the management account is not in scope', async () => {
    const { container } = render(
      <ScopeSummary plan={planDeployment(index, EMPTY_SCOPE)} index={index} />,
    );

    expect(
      screen.getByText('Nothing selected yet. Select the root, an OU or an account.'),
    ).toHaveAttribute('aria-live', 'polite');
    expect(section('Management account')).toHaveTextContent('Not in scope.');
    await expectNoAxeViolations(container);
  });
});

describe('given an OU with one account excluded', () => {
  it('should list covered and excluded accounts and say what happens to new accounts', async () => {
    const selection = toggleNode(index, toggleNode(index, EMPTY_SCOPE, SANDBOX), HACKATHON);
    const { container } = render(
      <ScopeSummary plan={planDeployment(index, selection)} index={index} />,
    );

    expect(screen.getByText('5 accounts covered now, 1 excluded')).toBeInTheDocument();
    const covered = within(section('Accounts covered now 5')).getAllByRole('listitem');
    expect(covered.map((li) => li.textContent)).toContain('Sandbox Amelia Hart 718744967223');
    expect(
      screen.getByText('Accounts added later to Root / Sandbox get the role automatically.'),
    ).toBeInTheDocument();
    expect(within(section('Excluded accounts 1')).getByRole('listitem')).toHaveTextContent(
      'Hackathon 2026 612450360047',
    );
    await expectNoAxeViolations(container);
  });
});

describe('given the root selected', () => {
  it('should ask about the management account, then report it needs its own command', () => {
    const selection = toggleNode(index, EMPTY_SCOPE, index.rootId);
    const { rerender } = render(
      <ScopeSummary plan={planDeployment(index, selection)} index={index} />,
    );

    expect(section('Management account')).toHaveTextContent(
      'Covered by your selection: choose whether to include it.',
    );
    expect(
      screen.getByText(
        'Accounts added later anywhere in the organization get the role automatically.',
      ),
    ).toBeInTheDocument();

    const included = setManagementAccountDecision(index, selection, 'include');
    rerender(<ScopeSummary plan={planDeployment(index, included)} index={index} />);
    expect(section('Management account')).toHaveTextContent('It needs its own command');
  });

  it('should collapse the long list of covered accounts behind a button', async () => {
    const user = userEvent.setup();
    const selection = setManagementAccountDecision(
      index,
      toggleNode(index, EMPTY_SCOPE, index.rootId),
      'include',
    );
    const plan = planDeployment(index, selection);
    const { container } = render(<ScopeSummary plan={plan} index={index} collapseAfter={5} />);

    const list = section(`Accounts covered now ${plan.coverage.now.length}`);
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    const button = within(list).getByRole('button', {
      name: `Show all ${plan.coverage.now.length}`,
    });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(within(list).getAllByRole('listitem')).toHaveLength(plan.coverage.now.length);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(list).getByText('Management account')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});

describe('given suspended accounts in scope', () => {
  it('should list them as skipped and show the plan warning', () => {
    const selection = toggleNode(index, EMPTY_SCOPE, 'ou-nw7k-j76b2laj');
    const plan = planDeployment(index, selection);
    render(<ScopeSummary plan={plan} index={index} />);

    expect(within(section('Skipped accounts 3')).getAllByRole('listitem')).toHaveLength(3);
    expect(plan.warnings.map((warning) => warning.code)).toContain('unavailableAccountsSkipped');
    expect(
      within(section('Check before you continue')).getByText(/StackSets skip suspended/),
    ).toHaveTextContent(
      'StackSets skip suspended or closing accounts: Closed Pilot (186947732475), Legacy Marketing (300980329511) and Old Reporting (957700650132).',
    );
  });
});

describe('given OUs of the same name in two places, selected with their parents', () => {
  it('should name each outermost OU by its path and speak of the OUs inside it once', () => {
    const organization = {
      id: 'o-pathpathpa',
      managementAccountId: '999999999999',
      root: { id: 'r-path', name: 'Root' },
      organizationalUnits: [
        { id: 'ou-path-prod0001', name: 'Prod', parentId: 'r-path' },
        { id: 'ou-path-sdlc0001', name: 'SDLC', parentId: 'r-path' },
        { id: 'ou-path-store001', name: 'Storefront', parentId: 'ou-path-prod0001' },
        { id: 'ou-path-store002', name: 'Storefront', parentId: 'ou-path-sdlc0001' },
      ],
      accounts: [
        {
          id: '999999999999',
          name: 'Management',
          email: 'm@example.com',
          state: 'ACTIVE' as const,
          parentId: 'r-path',
        },
      ],
    };
    const pathIndex = indexOrganization(organization);
    const plan = planDeployment(pathIndex, {
      ...EMPTY_SCOPE,
      selected: ['ou-path-prod0001', 'ou-path-store002'],
    });

    render(<ScopeSummary plan={plan} index={pathIndex} />);

    expect(
      screen.getByText(
        'Accounts added later to Root / Prod or to any OU inside it get the role automatically.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Accounts added later to Root / SDLC / Storefront get the role automatically.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/added later to Root \/ Prod \/ Storefront/)).not.toBeInTheDocument();
  });
});

describe('given only an account that is still pending activation picked', () => {
  it('should not say nothing is selected, since the plan deploys to it once it is active', () => {
    const organization = {
      id: 'o-pendingpend',
      managementAccountId: '999999999999',
      root: { id: 'r-pend', name: 'Root' },
      organizationalUnits: [{ id: 'ou-pend-new00001', name: 'New', parentId: 'r-pend' }],
      accounts: [
        {
          id: '999999999999',
          name: 'Management',
          email: 'm@example.com',
          state: 'ACTIVE' as const,
          parentId: 'r-pend',
        },
        {
          id: '111111111111',
          name: 'Fresh',
          email: 'f@example.com',
          state: 'PENDING_ACTIVATION' as const,
          parentId: 'ou-pend-new00001',
        },
      ],
    };
    const pendingIndex = indexOrganization(organization);
    const plan = planDeployment(
      pendingIndex,
      toggleNode(pendingIndex, EMPTY_SCOPE, '111111111111'),
    );
    expect(plan.stackSets).toHaveLength(1);
    expect(plan.coverage).toMatchObject({ now: [], skipped: ['111111111111'], futureOus: [] });

    render(<ScopeSummary plan={plan} index={pendingIndex} />);

    expect(screen.queryByText(/Nothing selected yet/)).not.toBeInTheDocument();
    expect(screen.getByText('0 accounts covered now, 1 skipped')).toBeInTheDocument();
    expect(within(section('Skipped accounts 1')).getByRole('listitem')).toHaveTextContent(
      'Fresh 111111111111',
    );
  });
});

describe('given accounts excluded inside selected OUs', () => {
  it('should say that automatic deployment does not apply exclusions to accounts moved later', () => {
    const selection = toggleNode(index, toggleNode(index, EMPTY_SCOPE, SANDBOX), HACKATHON);
    render(<ScopeSummary plan={planDeployment(index, selection)} index={index} />);

    expect(section('Excluded accounts 1')).toHaveTextContent(
      'Automatic deployment does not apply exclusions',
    );
    expect(section('Excluded accounts 1')).not.toHaveTextContent(/stay without the role/);
    expect(within(section('Check before you continue')).getByRole('listitem')).toHaveTextContent(
      'The excluded account does not get the role now, but automatic deployment does not apply exclusions: an excluded account that is later moved into Root / Sandbox, or between the OUs inside, gets the role.',
    );
  });
});
