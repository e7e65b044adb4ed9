/**
 * The Scope step's choice for accounts picked one by one, in the whole wizard on the in-memory
 * adapters: it appears only while an account is picked, starts with automatic deployment off,
 * and each answer changes what the summary and the Deploy step say, as the plan does.
 */
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID } from '@aws-connection-wizard/sdk';
import { screen, within } from '@testing-library/react';

import { expectNoAxeViolations } from '../testing/axe';
import { renderWizard } from '../testing/renderWizard';

async function openScopeStep() {
  const view = renderWizard();
  const { user } = view;
  await user.click(await screen.findByRole('button', { name: 'Create a connection' }));
  await user.type(screen.getByRole('textbox', { name: /Connection name/ }), 'Network reads');
  await screen.findByText('Available');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.selectOptions(
    await screen.findByRole('combobox', { name: /Management account/ }),
    NORTHWIND_MANAGEMENT_ACCOUNT_ID,
  );
  const tree = await screen.findByRole('tree');
  return { ...view, tree };
}

const choice = () => screen.queryByRole('group', { name: 'Accounts picked one by one' });
const summary = () => screen.getByRole('region', { name: 'Scope summary' });

describe('given an account picked one by one in the Scope step', () => {
  it('should offer automatic deployment for its OU, off by default, and plan each answer', async () => {
    const { user, tree, container } = await openScopeStep();
    expect(choice()).not.toBeInTheDocument();

    await user.type(
      screen.getByRole('searchbox', { name: 'Find an account or OU' }),
      'Network Hub',
    );
    const networkHub = await within(tree).findByRole('treeitem', { name: /^Network Hub/ });
    await user.click(networkHub);
    expect(networkHub).toHaveAttribute('aria-checked', 'true');

    const group = choice()!;
    expect(group).toBeInTheDocument();
    const off = within(group).getByRole('radio', { name: 'Only the accounts I picked' });
    const on = within(group).getByRole('radio', { name: 'Also accounts added later to their OUs' });
    expect(off).toBeChecked();
    expect(on).not.toBeChecked();
    // Each option explains its trade-off.
    expect(on).toHaveAccessibleDescription(/every new account of the OUs that hold your picks/);
    expect(off).toHaveAccessibleDescription(/automatic deployment off/);
    expect(summary()).toHaveTextContent(
      'Accounts added later do not get the role: only the accounts listed get it.',
    );
    expect(within(summary()).queryByText(/Automatic deployment will also give/)).toBeNull();
    await expectNoAxeViolations(container);

    await user.click(on);
    expect(on).toBeChecked();
    expect(summary()).toHaveTextContent(
      'Accounts added later to Root / Infrastructure / Prod get the role automatically.',
    );
    expect(summary()).toHaveTextContent(
      'Automatic deployment will also give the role to accounts added later to Root / Infrastructure / Prod, not only to the accounts you picked.',
    );

    await user.click(off);
    expect(off).toBeChecked();
    expect(summary()).toHaveTextContent('Accounts added later do not get the role');

    // Without a pick there is nothing to choose.
    await user.click(networkHub);
    expect(networkHub).toHaveAttribute('aria-checked', 'false');
    expect(choice()).not.toBeInTheDocument();
  });

  it('should deploy the pick with a StackSet of its own only while automatic deployment is off', async () => {
    const { user, tree } = await openScopeStep();
    await user.type(
      screen.getByRole('searchbox', { name: 'Find an account or OU' }),
      'Network Hub',
    );
    await user.click(await within(tree).findByRole('treeitem', { name: /^Network Hub/ }));
    await user.click(within(choice()!).getByRole('radio', { name: /^Also accounts added later/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(
      await screen.findByRole('textbox', { name: /Allowed action 1/ }),
      'ec2:DescribeInstances',
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const stackSet = await screen.findByRole('group', { name: /Create the StackSet/ });
    expect(stackSet).toHaveTextContent('Enabled=true');
    expect(stackSet).not.toHaveTextContent('Enabled=false');
    expect(stackSet).not.toHaveTextContent('doit-cloudflow-network-reads-accounts');

    await user.click(screen.getByRole('button', { name: /Scope/ }));
    await user.click(within(choice()!).getByRole('radio', { name: 'Only the accounts I picked' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));

    const accountsOnly = await screen.findByRole('group', { name: /Create the StackSet/ });
    expect(accountsOnly).toHaveTextContent('Enabled=false');
    expect(accountsOnly).toHaveTextContent('doit-cloudflow-network-reads-accounts');
  });
});
