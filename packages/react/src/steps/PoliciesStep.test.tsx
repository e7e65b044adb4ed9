import type { ManagedPolicy } from '@aws-connection-wizard/core';
import { CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID } from '@aws-connection-wizard/sdk';
import { fireEvent, screen, within } from '@testing-library/react';

import { renderWizard } from '../testing/renderWizard';

const POLICIES: ManagedPolicy[] = [
  {
    arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    name: 'AdministratorAccess',
    description: 'Provides full access to AWS services and resources.',
  },
  {
    arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    name: 'ReadOnlyAccess',
    description: 'Provides read-only access to AWS services and resources.',
  },
];

async function openPoliciesStep() {
  const { user } = renderWizard({ managedPolicies: POLICIES });
  await user.click(await screen.findByRole('button', { name: 'Create a connection' }));
  await user.type(screen.getByRole('textbox', { name: /Connection name/ }), 'Ops');
  await screen.findByText('Available');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.selectOptions(
    await screen.findByRole('combobox', { name: /Management account/ }),
    CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
  );
  const tree = await screen.findByRole('tree');
  await user.click(await within(tree).findByRole('treeitem', { name: /^Infrastructure/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('radio', { name: /^Include management account/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('textbox', { name: /Allowed action 1/ });
  return user;
}

describe('given the Policies step', () => {
  it('should warn beside the picker about a managed policy that grants broad access', async () => {
    const user = await openPoliciesStep();
    expect(screen.queryByText(/grants broad access/)).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'AdministratorAccess' }));

    const warning = await screen.findByText(/grants broad access/);
    expect(warning.closest('li')).toHaveTextContent(
      'AdministratorAccess: This policy grants broad access. Make sure the connection needs it.',
    );
    // A warning does not block the step.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should warn beside its row about an action that can escalate privilege', async () => {
    const user = await openPoliciesStep();

    await user.type(screen.getByRole('textbox', { name: /Allowed action 1/ }), 'iam:PassRole');

    const input = screen.getByRole('textbox', { name: /Allowed action 1/ });
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const warnings = described.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(warnings.join(' ')).toMatch(/gain more permissions than this role has/);
  });

  it('should show, under the allowed actions, that the inline policy is too large', async () => {
    const user = await openPoliciesStep();
    expect(screen.queryByText(/IAM allows 10,240/)).toBeNull();

    // One long action is enough: the size counts every character of the inline policies.
    fireEvent.change(screen.getByRole('textbox', { name: /Allowed action 1/ }), {
      target: { value: `s3:Get${'x'.repeat(10_300)}` },
    });
    // Shown as the list grows too large, without waiting for Next.

    const editor = screen.getByRole('group', { name: /Allowed actions/ });
    expect(
      await within(editor).findByText(
        /^The allowed actions make the role's inline policies [\d,]+ characters long; IAM allows 10,240\./,
      ),
    ).toBeInTheDocument();
    // Next keeps the step open, with what the user entered.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('textbox', { name: /Allowed action 1/ })).toHaveValue(
      `s3:Get${'x'.repeat(10_300)}`,
    );
  });
});
