import {
  CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
  NORTHWIND_MANAGEMENT_ACCOUNT_ID,
} from '@aws-connection-wizard/sdk';
import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

import { expectNoAxeViolations } from './testing/axe';
import { renderWizard } from './testing/renderWizard';

/** Takes the two-step path from existing permissions to its User access step. */
async function openAccessFromExistingPermissions(
  user: ReturnType<typeof userEvent.setup>,
  connectionName: string,
) {
  await user.click(
    await screen.findByRole('button', { name: 'Create a connection from existing permissions' }),
  );
  await user.selectOptions(
    screen.getByRole('combobox', { name: /Management account/ }),
    NORTHWIND_MANAGEMENT_ACCOUNT_ID,
  );
  await user.type(screen.getByRole('textbox', { name: /Connection name/ }), connectionName);
  await screen.findByText('Available');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

/** Takes the two-step path to *Finish connection* and presses it. */
async function finishFromExistingPermissions(user: ReturnType<typeof userEvent.setup>) {
  await openAccessFromExistingPermissions(user, 'Northwind flows');
  await user.click(await screen.findByRole('button', { name: 'Finish connection' }));
}

describe('given the in-memory adapters with two onboarded management accounts', () => {
  it('should complete the whole wizard and report the created connection', async () => {
    const { user, container, onComplete, adapters } = renderWizard();

    await user.click(await screen.findByRole('button', { name: 'Create a connection' }));

    // 1. Details
    await user.type(
      screen.getByRole('textbox', { name: /Connection name/ }),
      'Clinical "prod" $(rm -rf /)',
    );
    expect(screen.getByRole('textbox', { name: /IAM role name/ })).toHaveValue(
      'clinical-prod-rm-rf',
    );
    await screen.findByText('Available');
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('button', { name: /Scope/ })).toHaveFocus();

    // 2. Scope
    await user.selectOptions(
      await screen.findByRole('combobox', { name: /Management account/ }),
      CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
    );
    const tree = await screen.findByRole('tree');
    const infrastructure = await within(tree).findByRole('treeitem', { name: /^Infrastructure/ });
    await user.click(infrastructure);
    // It holds the management account, which is neither in nor out until the user answers.
    expect(infrastructure).toHaveAttribute('aria-checked', 'mixed');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText(/Choose whether to include the management account/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /^Include management account/ }));
    expect(infrastructure).toHaveAttribute('aria-checked', 'true');
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // 3. Policies and permissions
    const actionInput = await screen.findByRole('textbox', { name: /Allowed action 1/ });
    // One title per section: the heading is the group's legend, so it also names the group.
    const policiesPanel = actionInput.closest<HTMLElement>('.awcw-accordion-content')!;
    for (const title of ['AWS managed policies', 'Allowed actions']) {
      const heading = within(policiesPanel).getByRole('heading', { level: 4, name: title });
      const group = within(policiesPanel).getByRole('group', { name: title });
      expect(group.querySelector('legend')).toContainElement(heading);
      // The innermost elements showing exactly the title: the heading alone, no label below it.
      const showing = within(policiesPanel).getAllByText(
        (_, element) =>
          element?.textContent === title &&
          ![...element.children].some((child) => child.textContent === title),
      );
      expect(showing).toEqual([heading]);
    }
    await user.type(actionInput, 'ce:GetCostAndUsage');
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // 4. Deploy to AWS
    const stackSetBlock = await screen.findByRole('group', { name: /Create the StackSet/ });
    expect(stackSetBlock).toHaveTextContent('create-stack-set');
    expect(stackSetBlock).toHaveTextContent('doit-cloudflow-clinical-prod-rm-rf');
    expect(
      screen.getByRole('group', { name: /Create the role in the management account/ }),
    ).toHaveTextContent('create-stack');
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // 5. User access
    await screen.findByRole('button', { name: 'Finish connection' });
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Finish connection' }));

    await screen.findByText('Connection created', {}, { timeout: 3000 });
    expect(onComplete).toHaveBeenCalledTimes(1);
    const connection = onComplete.mock.calls[0][0];
    expect(connection).toMatchObject({
      name: 'Clinical "prod" $(rm -rf /)',
      status: 'active',
      awsConfig: {
        managementAccount: CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
        roleName: 'doit-cloudflow-clinical-prod-rm-rf',
        scopeManagementAccountExplicitInScope: true,
        allowedActions: ['ce:GetCostAndUsage'],
      },
    });
    expect(connection.awsConfig.resolvedAccountIds).toContain(CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID);
    expect(adapters.listConnections().map((created) => created.name)).toEqual([
      'Clinical "prod" $(rm -rf /)',
    ]);
  });

  it('should create a connection from existing permissions in two steps', async () => {
    const { user, container, onComplete } = renderWizard();

    await user.click(
      await screen.findByRole('button', { name: 'Create a connection from existing permissions' }),
    );
    expect(
      screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Details'),
        expect.stringContaining('User access'),
      ]),
    );
    expect(screen.queryByRole('button', { name: /Scope/ })).not.toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: /Management account/ });
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Choose a management account',
      `Northwind Management (${NORTHWIND_MANAGEMENT_ACCOUNT_ID})`,
    ]);
    await user.selectOptions(select, NORTHWIND_MANAGEMENT_ACCOUNT_ID);
    await user.type(screen.getByRole('textbox', { name: /Connection name/ }), 'Northwind flows');
    await screen.findByText('Available');
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Finish connection' }));

    await screen.findByText('Connection created', {}, { timeout: 3000 });
    expect(onComplete.mock.calls[0][0]).toMatchObject({
      name: 'Northwind flows',
      awsConfig: {
        managementAccount: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
        usesExistingPermissions: true,
        resolvedAccountIds: [],
      },
    });
  });

  it('should wait until an address is left before judging it, and refuse one the directory does not know', async () => {
    const { user, onComplete } = renderWizard();
    await openAccessFromExistingPermissions(user, 'Shared flows');
    await user.click(await screen.findByRole('button', { name: 'Add another account' }));
    const email = screen.getByRole('combobox', { name: 'Email of user 2' });
    const accessHeader = screen.getByRole('button', { name: /User access/ });
    // The list says what its rows are rather than repeating the step's title.
    expect(
      screen.getByRole('group', { name: 'People and their access level' }),
    ).toHaveAccessibleDescription(/People you add can use this connection/);
    expect(screen.getAllByText('User access', { exact: true })).toHaveLength(1);

    await user.type(email, 'nobody@');
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(accessHeader).not.toHaveTextContent(/error/);

    await user.tab();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter a valid email address.');

    await user.click(email);
    await user.type(email, 'example.com');
    expect(email).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(
      await screen.findByText(/nobody@example\.com is not a user of this platform/),
    ).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveValue('nobody@example.com');
    expect(accessHeader).toHaveTextContent('1 error');

    await user.click(screen.getByRole('button', { name: 'Finish connection' }));
    expect(screen.queryByText('Connection created')).not.toBeInTheDocument();

    await user.clear(email);
    await user.type(email, 'grace.liu@example.com');
    await user.click(screen.getByRole('button', { name: 'Finish connection' }));
    await screen.findByText('Connection created', {}, { timeout: 3000 });
    expect(onComplete.mock.calls[0][0].collaborators).toContainEqual({
      email: 'grace.liu@example.com',
      role: 'user',
    });
  });

  it('should suggest users again after an address the directory does not know', async () => {
    const { user } = renderWizard();
    await openAccessFromExistingPermissions(user, 'Shared flows');
    await user.click(await screen.findByRole('button', { name: 'Add another account' }));
    const email = screen.getByRole('combobox', { name: 'Email of user 2' });
    await user.type(email, 'nobody@nowhere.example');
    await screen.findByText(/No matching user/);
    await user.click(screen.getByRole('button', { name: 'Finish connection' }));
    await screen.findByText(/nobody@nowhere\.example is not a user of this platform/);

    await user.clear(email);
    await user.type(email, 'grace');

    expect(await screen.findByRole('option', { name: /Grace Liu/ })).toHaveTextContent(
      'grace.liu@example.com',
    );
    expect(screen.queryByText(/No matching user/)).not.toBeInTheDocument();
  });

  it('should keep what the user typed when the organisation fails to load, and retry', async () => {
    const { user } = renderWizard({
      faults: { getOrganization: { kind: 'throttled', times: 1 } },
    });
    await user.click(await screen.findByRole('button', { name: 'Create a connection' }));
    await user.type(screen.getByRole('textbox', { name: /Connection name/ }), 'Billing');
    await screen.findByText('Available');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.selectOptions(
      await screen.findByRole('combobox', { name: /Management account/ }),
      CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
    );
    await screen.findByText('The organization could not be loaded.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('tree')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Details/ }));
    expect(screen.getByRole('textbox', { name: /Connection name/ })).toHaveValue('Billing');

    // Start over asks first; keeping on editing loses nothing.
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('textbox', { name: /Connection name/ })).toHaveValue('Billing');
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    await user.click(screen.getByRole('button', { name: 'Discard and start over' }));
    await user.click(await screen.findByRole('button', { name: 'Create a connection' }));
    expect(await screen.findByRole('textbox', { name: /Connection name/ })).toHaveValue('');
  });
});

describe('given the platform refuses to create the connection', () => {
  it('should say what failed, offer no retry, and lead back to the steps with everything kept', async () => {
    const { user, container, adapters } = renderWizard({
      faults: { createConnection: { kind: 'forbidden', times: 'always' } },
    });
    await finishFromExistingPermissions(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The connection could not be created.');
    expect(alert).toHaveTextContent('You are not allowed to do this.');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Back to the steps' }));

    expect(await screen.findByRole('button', { name: 'Finish connection' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Details/ }));
    expect(screen.getByRole('textbox', { name: /Connection name/ })).toHaveValue('Northwind flows');
    expect(adapters.callCount('createConnection')).toBe(1);
  });
});

describe('given the platform is busy for a moment', () => {
  it('should offer a retry that creates the connection', async () => {
    const { user, onComplete, adapters } = renderWizard({
      faults: { createConnection: { kind: 'throttled', times: 1 } },
    });
    await finishFromExistingPermissions(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('AWS or the platform is busy. Try again in a moment.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    await screen.findByText('Connection created', {}, { timeout: 3000 });
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(adapters.listConnections()).toHaveLength(1);
  });
});

describe('given a connection that takes long to become active', () => {
  it('should show the stage, an indeterminate bar and the ways out', async () => {
    const onCancel = vi.fn();
    const { user, container } = renderWizard(
      { activationDelayMs: 24 * 60 * 60 * 1000 },
      { submissionSlowAfterMs: 0, onCancel },
    );
    await finishFromExistingPermissions(user);

    const status = await screen.findByText(
      'The connection is created. Waiting for it to become active…',
    );
    expect(status).toHaveAttribute('role', 'status');
    const bar = screen.getByRole('progressbar', { name: 'Creating the connection' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(screen.getByText(/^Running for \d+ s$/)).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((item) => item.getAttribute('data-state'))).toEqual([
      'done',
      'current',
    ]);
    expect(await screen.findByText(/taking longer than usual/)).toBeInTheDocument();
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Back to the steps' }));
    await user.click(await screen.findByRole('button', { name: /Details/ }));
    expect(screen.getByRole('textbox', { name: /Connection name/ })).toHaveValue('Northwind flows');
  });
});

/** Details, a whole OU of Contoso Health, one allowed action: up to the Deploy step. */
async function reachDeploy(
  user: ReturnType<typeof userEvent.setup>,
  name: string,
  roleNameSuffix?: string,
) {
  await user.click(await screen.findByRole('button', { name: 'Create a connection' }));
  await user.type(screen.getByRole('textbox', { name: /Connection name/ }), name);
  if (roleNameSuffix !== undefined) {
    const roleName = screen.getByRole('textbox', { name: /IAM role name/ });
    await user.clear(roleName);
    await user.type(roleName, roleNameSuffix);
  }
  await screen.findByText('Available');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.selectOptions(
    await screen.findByRole('combobox', { name: /Management account/ }),
    CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
  );
  const tree = await screen.findByRole('tree');
  await user.click(await within(tree).findByRole('treeitem', { name: /^Infrastructure/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('radio', { name: /^Don't include/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(
    await screen.findByRole('textbox', { name: /Allowed action 1/ }),
    'ce:GetCostAndUsage',
  );
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('group', { name: /Create the StackSet/ });
}

describe('given a management account whose trusted access with Organizations is off', () => {
  it('should say so on the Deploy step with the command that turns it on', async () => {
    const { user, container } = renderWizard({
      deploymentPrerequisites: {
        [CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID]: { trustedAccess: 'disabled' },
      },
    });

    await reachDeploy(user, 'Clinical');

    const notice = await screen.findByText(/Trusted access between CloudFormation StackSets/);
    expect(notice).toHaveTextContent('aws cloudformation activate-organizations-access');
    expect(screen.queryByText(/only consolidated billing/)).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('button', { name: 'Finish connection' })).toBeInTheDocument();
  });
});

describe('given another connection already has the role name in the management account', () => {
  it('should show the platform’s refusal at the role name and create once it is changed', async () => {
    const first = renderWizard();
    await reachDeploy(first.user, 'Clinical');
    await first.user.click(screen.getByRole('button', { name: 'Next' }));
    await first.user.click(await screen.findByRole('button', { name: 'Finish connection' }));
    await screen.findByText('Connection created', {}, { timeout: 3000 });
    const existing = first.adapters.listConnections();
    first.unmount();

    // The same role name under another connection name, in a wizard that did not know it.
    const { user, onComplete } = renderWizard({ connections: existing });
    await reachDeploy(user, 'Clinical team', 'clinical');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Finish connection' }));

    const field = await screen.findByRole('textbox', { name: /IAM role name/ });
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('already uses the role doit-cloudflow-clinical'),
    );
    await user.type(field, '-team');
    expect(field).not.toHaveAccessibleDescription(expect.stringContaining('already uses'));
    await user.click(screen.getByRole('button', { name: /User access/ }));
    await user.click(await screen.findByRole('button', { name: 'Finish connection' }));

    await screen.findByText('Connection created', {}, { timeout: 3000 });
    expect(onComplete.mock.calls[0][0].awsConfig.roleName).toBe('doit-cloudflow-clinical-team');
  });
});

describe('given a keyboard user', () => {
  it('should start on the wizard’s title and go on to the first step once a path is chosen', async () => {
    const { user } = renderWizard();

    expect(screen.getByRole('heading', { name: 'Create your AWS connection' })).toHaveFocus();
    const path = await screen.findByRole('button', { name: 'Create a connection' });
    await user.tab();
    expect(path).toHaveFocus();
    await user.keyboard(' ');

    expect(await screen.findByRole('button', { name: /Details/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: /Connection name/ })).toHaveFocus();
  });

  it('should leave focus where it is when the host turns autoFocus off', async () => {
    renderWizard({}, { autoFocus: false });

    await screen.findByRole('button', { name: 'Create a connection' });
    expect(document.body).toHaveFocus();
  });

  it('should take focus to the first invalid field when Next finds errors', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('button', { name: 'Create a connection' }));
    const name = screen.getByRole('textbox', { name: /Connection name/ });
    await user.type(screen.getByRole('textbox', { name: /Description/ }), 'Cost reports');

    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
  });

  it('should take focus to the first path when the user goes back to change it', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('button', { name: 'Create a connection' }));

    await user.click(screen.getByRole('button', { name: 'Change how to connect' }));

    expect(await screen.findByRole('button', { name: 'Create a connection' })).toHaveFocus();
  });
});
