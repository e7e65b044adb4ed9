/**
 * Small pure helpers the machine's actions and states share: list edits, which field an edit
 * touched, the draft a context saves, and how *Next* moves on.
 */
import type { ErrorActorEvent } from 'xstate';

import { DRAFT_SCHEMA_VERSION, type Draft } from '../model/draft';
import type { WizardContext } from './context';
import { getNextStep, getPathSteps, getUserEmail } from './rules';

export type Patch = Partial<WizardContext>;

/** Passes an actor's rejection on to a named action. */
export const errorOf = ({ event }: { event: ErrorActorEvent }) => event.error;

export function withoutIndex<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, position) => (position === index ? item : existing));
}

export function addUnique<T>(items: readonly T[], item: T): T[] {
  return items.includes(item) ? [...items] : [...items, item];
}

export function toDraft(context: WizardContext): Draft {
  const { submission } = context;
  const { request, idempotencyKey, startedAt } = submission;
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    savedAt: context.options.now().toISOString(),
    userEmail: getUserEmail(context),
    path: context.path ?? 'dedicatedRole',
    values: context.values,
    openStep: context.openStep,
    furthestStep: context.furthestStep,
    // Once the user is back at the steps, a reload must not send the request again.
    submission:
      submission.status !== 'idle' && request && idempotencyKey && startedAt
        ? { request, idempotencyKey, connectionId: submission.connectionId, startedAt }
        : null,
  };
}

/** Opens the step after the open one, remembering how far the user got. */
export function advancePatch(context: WizardContext): Patch {
  const next = getNextStep(context, context.openStep);
  if (!next) return {};
  const steps = getPathSteps(context);
  const furthest =
    steps.indexOf(next) > steps.indexOf(context.furthestStep) ? next : context.furthestStep;
  return { openStep: next, furthestStep: furthest };
}

/** The first row that differs between two lists, to mark it touched. */
export function changedRowField(
  field: string,
  before: readonly string[],
  after: readonly string[],
): string {
  for (let row = 0; row < Math.max(before.length, after.length); row += 1) {
    if (before[row] !== after[row]) return after[row] === undefined ? field : `${field}.${row}`;
  }
  return field;
}

/** The first field that differs between two access lists, to mark it touched. */
export function changedAccessField(
  before: WizardContext['values']['access'],
  after: WizardContext['values']['access'],
): string | null {
  for (let row = 0; row < Math.max(before.length, after.length); row += 1) {
    if (before[row]?.email !== after[row]?.email)
      return after[row] ? `access.${row}.email` : 'access';
    if (before[row]?.level !== after[row]?.level) return `access.${row}.level`;
  }
  return null;
}

/** Value events that change what a draft holds. */
export const DRAFT_EVENTS = [
  'details.change',
  'managementAccount.select',
  'managementAccount.decide',
  'scope.toggle',
  'scope.clear',
  'scope.setPickedAccountsAutoDeployment',
  'policies.addManagedPolicy',
  'policies.removeManagedPolicy',
  'policies.addAction',
  'policies.changeAction',
  'policies.removeAction',
  'policies.setAllowedActions',
  'policies.setManagedPolicies',
  'deploy.changeRegion',
  'access.add',
  'access.change',
  'access.remove',
  'access.set',
  'step.open',
  'step.next',
  'path.choose',
] as const;

export const saveDraftSoon = { target: '.waiting' } as const;
