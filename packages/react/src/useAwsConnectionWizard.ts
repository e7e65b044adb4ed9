/**
 * The wizard without its UI: starts the machine on a host's adapters and returns the view and
 * the senders, for hosts that render their own components on the same rules and artefacts.
 */
import type {
  Connection,
  WizardActorRef,
  WizardOptions,
  WizardSenders,
  WizardView,
} from '@aws-connection-wizard/core';
import {
  DEFAULT_MANAGED_POLICIES,
  createWizardSenders,
  getWizardView,
  wizardMachine,
} from '@aws-connection-wizard/core';
import type { WizardAdapters } from '@aws-connection-wizard/sdk';
import { bindAdapters } from '@aws-connection-wizard/sdk';
import { useActorRef, useSelector } from '@xstate/react';
import * as React from 'react';

export interface UseAwsConnectionWizardOptions extends WizardOptions {
  /** The host's backends. Read once, when the wizard starts. */
  adapters: WizardAdapters;
  /** Called once when the created connection is active. */
  onComplete?: (connection: Connection) => void;
  /** How long one adapter call may take before it counts as failed. @default 30000 */
  adapterTimeoutMs?: number;
}

export interface UseAwsConnectionWizardResult {
  actorRef: WizardActorRef;
  view: WizardView;
  senders: WizardSenders;
}

/**
 * Starts the wizard machine on the host's adapters and reports the created connection. Shared by
 * the headless hook and the component, which reads the actor slice by slice instead.
 */
export function useWizardActorRef(options: UseAwsConnectionWizardOptions): WizardActorRef {
  const { adapters, onComplete, adapterTimeoutMs, ...machineOptions } = options;
  // The machine, its actors and its options are fixed for the wizard's lifetime, like the
  // initial value of a React state: changing them later would throw away what the user entered.
  const [machine] = React.useState(() =>
    wizardMachine.provide({
      actors: bindAdapters(adapters, {
        timeoutMs: adapterTimeoutMs,
        defaultManagedPolicies: DEFAULT_MANAGED_POLICIES,
      }),
    }),
  );
  const actorRef = useActorRef(machine, { input: machineOptions });

  const onCompleteRef = React.useRef(onComplete);
  React.useEffect(() => {
    onCompleteRef.current = onComplete;
  });
  React.useEffect(() => {
    const subscription = actorRef.on('connection.created', (event) =>
      onCompleteRef.current?.(event.connection),
    );
    return () => subscription.unsubscribe();
  }, [actorRef]);

  return actorRef;
}

export function useAwsConnectionWizard(
  options: UseAwsConnectionWizardOptions,
): UseAwsConnectionWizardResult {
  const actorRef = useWizardActorRef(options);
  const view = useSelector(actorRef, getWizardView);
  const senders = React.useMemo(
    () => createWizardSenders((event) => actorRef.send(event)),
    [actorRef],
  );

  return { actorRef, view, senders };
}
