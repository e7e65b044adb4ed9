import { createActor, waitFor } from 'xstate';

import { createWizardSenders, getWizardView, wizardMachine } from '@aws-connection-wizard/core';
import type { WizardView } from '@aws-connection-wizard/core';

import { bindAdapters } from './bind';
import { createInMemoryAdapters } from './memory/inMemoryAdapters';
import type { InMemoryAdaptersOptions } from './memory/inMemoryAdapters';

function startWizard(options: InMemoryAdaptersOptions) {
  const adapters = createInMemoryAdapters({ latencyMs: 0, ...options });
  const actor = createActor(wizardMachine.provide({ actors: bindAdapters(adapters) }), {
    input: {
      nameCheckDelayMs: 0,
      draftSaveDelayMs: 0,
      userSearchDelayMs: 0,
      statusPollIntervalMs: 0,
    },
  });
  actor.start();
  const until = async (predicate: (view: WizardView) => boolean) =>
    getWizardView(
      await waitFor(actor, (snapshot) => predicate(getWizardView(snapshot)), { timeout: 2000 }),
    );

  return { actor, adapters, until, senders: createWizardSenders(actor.send) };
}

describe('given the wizard machine running on the in-memory adapters', () => {
  it('should load the signed-in user and the sample management accounts', async () => {
    const wizard = startWizard({});
    const view = await wizard.until((v) => v.phase !== 'loading');

    expect(view.currentUser?.permissions).toContain('cloudflow.owner');
    expect(view.managementAccounts?.map((account) => account.accountId)).toEqual([
      '534439589175',
      '184474343888',
    ]);
    wizard.actor.stop();
  });

  it('should show the empty state when the host has no onboarded management account', async () => {
    const wizard = startWizard({ managementAccounts: [] });

    expect((await wizard.until((v) => v.phase !== 'loading')).phase).toBe('noManagementAccounts');
    wizard.actor.stop();
  });

  it('should surface an injected failure as a retryable start failure, then recover', async () => {
    const wizard = startWizard({ faults: { getCurrentUser: { kind: 'throttled' } } });
    const failed = await wizard.until((v) => v.phase === 'startFailed');

    expect(failed.startFailure).toMatchObject({ kind: 'throttled', retryable: true });
    wizard.senders.retryStart();
    const recovered = await wizard.until((v) => v.phase !== 'loading' && v.phase !== 'startFailed');
    expect(recovered.currentUser?.email).toBe('amelia.hart@example.com');
    wizard.actor.stop();
  });
});

describe('given a user who goes through every step', () => {
  it('should create exactly one active connection in the in-memory backend', async () => {
    const wizard = startWizard({ activationDelayMs: 0 });
    await wizard.until((v) => v.phase === 'choosingPath');
    wizard.senders.choosePath('dedicatedRole');
    await wizard.until((v) => v.phase === 'editing');

    wizard.senders.selectManagementAccount('184474343888');
    wizard.senders.changeDetails('connectionName', 'Clinical workloads');
    await wizard.until((v) => v.details.nameCheck.status === 'available');
    wizard.senders.next();
    await wizard.until((v) => v.openStep === 'scope' && v.scope.index !== null);
    wizard.senders.toggleScopeNode('ou-ch3v-lri1qzj8');
    wizard.senders.next();
    await wizard.until((v) => v.openStep === 'policies');
    wizard.senders.setAllowedActions(['ec2:DescribeInstances']);
    wizard.senders.next();
    await wizard.until((v) => v.openStep === 'deploy' && v.canContinue);
    wizard.senders.next();
    await wizard.until((v) => v.openStep === 'access' && v.canContinue);
    wizard.senders.finish();
    const done = await wizard.until((v) => v.phase === 'complete');

    const [connection, ...others] = wizard.adapters.listConnections();
    expect(others).toEqual([]);
    expect(connection).toMatchObject({
      name: 'Clinical workloads',
      status: 'active',
      awsConfig: {
        managementAccount: '184474343888',
        roleName: 'doit-cloudflow-clinical-workloads',
        scopeTargetedOrganizationalUnitIds: ['ou-ch3v-lri1qzj8'],
      },
    });
    expect(connection?.awsConfig.resolvedAccountIds).toHaveLength(10);
    expect(done.phase).toBe('complete');
    wizard.actor.stop();
  });
});
