/**
 * Hands the running wizard actor to every step. Steps read the wizard through
 * `useWizardView(selector)` and act through `useWizardSenders()`; nothing below this provider
 * touches the machine directly.
 */
import type { WizardActorRef, WizardSenders, WizardView } from '@aws-connection-wizard/core';
import { createWizardSenders, getWizardView } from '@aws-connection-wizard/core';
import { useSelector } from '@xstate/react';
import * as React from 'react';

const WizardActorContext = React.createContext<WizardActorRef | null>(null);

export const WizardActorProvider = WizardActorContext.Provider;

export function useWizardActorRef(consumerName: string): WizardActorRef {
  const actor = React.useContext(WizardActorContext);
  if (!actor) {
    throw new Error(`\`${consumerName}\` must be used within \`AwsConnectionWizard\`.`);
  }
  return actor;
}

/** Compares two selections field by field, so a selector may return a fresh object of stable parts. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a) as (keyof T)[];
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.is(a[key], b[key]));
}

/** Reads part of the wizard's view; the component re-renders only when that part changes. */
export function useWizardView<T>(
  selector: (view: WizardView) => T,
  compare: (a: T, b: T) => boolean = shallowEqual,
): T {
  const actor = useWizardActorRef('useWizardView');
  return useSelector(actor, (snapshot) => selector(getWizardView(snapshot)), compare);
}

export function useWizardSenders(): WizardSenders {
  const actor = useWizardActorRef('useWizardSenders');
  return React.useMemo(() => createWizardSenders((event) => actor.send(event)), [actor]);
}
