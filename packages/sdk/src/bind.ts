/**
 * Turns a host's adapters into the actors the wizard machine declares:
 * `wizardMachine.provide({ actors: bindAdapters(adapters) })`. Every call gets the actor's abort
 * signal combined with a timeout, every answer is validated with core's schemas, and every
 * failure reaches the machine as an `AdapterError`.
 */
import * as z from 'zod/mini';
import { fromPromise } from 'xstate';

import {
  ConnectionSchema,
  DEFAULT_MANAGED_POLICIES,
  CurrentUserSchema,
  DeploymentPrerequisitesSchema,
  ValidDeploymentSettingsSchema,
  DeploymentStatusSchema,
  DirectoryUserSchema,
  ManagedPolicySchema,
  ManagementAccountSchema,
  OrganizationSchema,
  parseDraft,
  wizardActors,
} from '@aws-connection-wizard/core';
import type {
  CheckConnectionNameInput,
  CheckConnectionNameOutput,
  CheckDeploymentInput,
  ClearDraftInput,
  Connection,
  CreateConnectionInput,
  CurrentUser,
  DeploymentPrerequisites,
  DeploymentSettings,
  DeploymentStatus,
  DirectoryUser,
  Draft,
  LoadConnectionInput,
  LoadDeploymentPrerequisitesInput,
  LoadDeploymentSettingsInput,
  LoadDraftInput,
  LoadOrganizationInput,
  ManagedPolicy,
  ManagementAccount,
  Organization,
  SaveDraftInput,
  SearchUsersInput,
  WizardActors,
} from '@aws-connection-wizard/core';

import type { WizardAdapters } from './adapters';
import { AdapterError, isAdapterError } from './errors';
import { parseAnswer, parseOrganization } from './validation';

/** The actors `bindAdapters` returns: exactly the keys and types of core's `wizardActors`. */
export type WizardActorImplementations = WizardActors;

export interface BindAdaptersOptions {
  /**
   * How long one adapter call may take before it is aborted and fails with `timeout`. A
   * non-finite value turns the limit off.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Managed policies offered when the AWS adapter has no `listManagedPolicies`.
   * @default core's DEFAULT_MANAGED_POLICIES
   */
  defaultManagedPolicies?: readonly ManagedPolicy[];
}

export const DEFAULT_ADAPTER_TIMEOUT_MS = 30_000;

const ManagementAccountsSchema = z.array(ManagementAccountSchema);
const ManagedPoliciesSchema = z.array(ManagedPolicySchema);
const DirectoryUsersSchema = z.array(DirectoryUserSchema);
const NameAvailableSchema = z.boolean();

function describeCause(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rejects as soon as `signal` aborts, so an adapter that ignores its signal cannot hang a call. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Runs one adapter call under the actor's signal and a timeout. When the actor itself is
 * stopped, the abort reason is rethrown as is: nobody is listening any more, and it is not a
 * failure to show.
 */
async function callAdapter<T>(
  what: string,
  actorSignal: AbortSignal,
  timeoutMs: number,
  call: (signal: AbortSignal) => Promise<unknown>,
  parse: (answer: unknown) => T,
): Promise<T> {
  if (actorSignal.aborted) throw actorSignal.reason;

  const controller = new AbortController();
  const timeoutError = new AdapterError('timeout', `${what} took longer than ${timeoutMs} ms`);
  const forwardAbort = () => controller.abort(actorSignal.reason);
  actorSignal.addEventListener('abort', forwardAbort, { once: true });
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => controller.abort(timeoutError), timeoutMs)
    : undefined;

  try {
    const answer = await Promise.race([call(controller.signal), whenAborted(controller.signal)]);
    return parse(answer);
  } catch (error) {
    if (actorSignal.aborted) throw actorSignal.reason;
    if (controller.signal.aborted && controller.signal.reason === timeoutError) throw timeoutError;
    if (isAdapterError(error)) throw error;
    throw new AdapterError('unavailable', `${what} failed: ${describeCause(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    actorSignal.removeEventListener('abort', forwardAbort);
  }
}

/**
 * Binds a host's adapters to the wizard machine's actors.
 *
 * @param adapters the host's AWS, connections, directory and draft adapters.
 * @param options a timeout per call and the managed policies to fall back on.
 */
export function bindAdapters(
  adapters: WizardAdapters,
  options: BindAdaptersOptions = {},
): WizardActorImplementations {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ADAPTER_TIMEOUT_MS;
  const fallbackPolicies = options.defaultManagedPolicies ?? DEFAULT_MANAGED_POLICIES;
  const { aws, connections, directory, drafts } = adapters;

  return {
    loadCurrentUser: fromPromise<CurrentUser>(({ signal }) =>
      callAdapter(
        'The current user',
        signal,
        timeoutMs,
        (s) => directory.getCurrentUser({ signal: s }),
        (answer) => parseAnswer(CurrentUserSchema, answer, 'The current user'),
      ),
    ),
    loadManagementAccounts: fromPromise<ManagementAccount[]>(({ signal }) =>
      callAdapter(
        'The list of management accounts',
        signal,
        timeoutMs,
        (s) => aws.listManagementAccounts({ signal: s }),
        (answer) =>
          parseAnswer(ManagementAccountsSchema, answer, 'The list of management accounts'),
      ),
    ),
    loadOrganization: fromPromise<Organization, LoadOrganizationInput>(({ input, signal }) => {
      const what = `The organisation of management account ${input.managementAccountId}`;
      return callAdapter(
        what,
        signal,
        timeoutMs,
        (s) =>
          aws.getOrganization({ managementAccountId: input.managementAccountId }, { signal: s }),
        (answer) => {
          const organization = parseOrganization(OrganizationSchema, answer, what);
          if (organization.managementAccountId !== input.managementAccountId) {
            throw new AdapterError(
              'invalidResponse',
              `${what} is not valid: its management account is ${organization.managementAccountId}`,
            );
          }
          return organization;
        },
      );
    }),
    loadDeploymentSettings: fromPromise<DeploymentSettings, LoadDeploymentSettingsInput>(
      ({ input, signal }) =>
        callAdapter(
          'The deployment settings',
          signal,
          timeoutMs,
          (s) =>
            aws.getDeploymentSettings(
              { managementAccountId: input.managementAccountId },
              { signal: s },
            ),
          // Checked field by field, so a host's bad settings give a clear error, not a broken script.
          (answer) => parseAnswer(ValidDeploymentSettingsSchema, answer, 'The deployment settings'),
        ),
    ),
    // A host without the method tells nothing, so the Deploy step shows no notice.
    loadDeploymentPrerequisites: fromPromise<
      DeploymentPrerequisites,
      LoadDeploymentPrerequisitesInput
    >(({ input, signal }) => {
      const getDeploymentPrerequisites = aws.getDeploymentPrerequisites?.bind(aws);
      if (getDeploymentPrerequisites === undefined) {
        return Promise.resolve({ trustedAccess: 'unknown', featureSet: 'unknown' });
      }
      return callAdapter(
        'The deployment prerequisites',
        signal,
        timeoutMs,
        (s) =>
          getDeploymentPrerequisites(
            { managementAccountId: input.managementAccountId },
            { signal: s },
          ),
        (answer) =>
          parseAnswer(DeploymentPrerequisitesSchema, answer, 'The deployment prerequisites'),
      );
    }),
    loadManagedPolicies: fromPromise<ManagedPolicy[]>(({ signal }) => {
      const listManagedPolicies = aws.listManagedPolicies?.bind(aws);
      if (listManagedPolicies === undefined)
        return Promise.resolve(structuredClone([...fallbackPolicies]));

      return callAdapter(
        'The list of managed policies',
        signal,
        timeoutMs,
        (s) => listManagedPolicies({ signal: s }),
        (answer) => {
          const offered = parseAnswer(
            ManagedPoliciesSchema,
            answer,
            'The list of managed policies',
          );
          // A backend with nothing to offer (the REST contract's empty list) leaves the choice to
          // the built-in list, so the picker is never empty.
          return offered.length > 0 ? offered : structuredClone([...fallbackPolicies]);
        },
      );
    }),
    checkConnectionName: fromPromise<CheckConnectionNameOutput, CheckConnectionNameInput>(
      ({ input, signal }) =>
        callAdapter(
          'The connection name check',
          signal,
          timeoutMs,
          (s) => connections.isNameAvailable({ name: input.name }, { signal: s }),
          (answer) => ({
            available: parseAnswer(NameAvailableSchema, answer, 'The connection name check'),
          }),
        ),
    ),
    checkDeployment: fromPromise<DeploymentStatus, CheckDeploymentInput>(({ input, signal }) =>
      callAdapter(
        'The deployment status',
        signal,
        timeoutMs,
        (s) =>
          aws.getDeploymentStatus(
            {
              managementAccountId: input.managementAccountId,
              stackSetNames: [...input.stackSetNames],
              region: input.region,
              roleName: input.roleName,
              accountIds: [...input.accountIds],
            },
            { signal: s },
          ),
        (answer) => parseAnswer(DeploymentStatusSchema, answer, 'The deployment status'),
      ),
    ),
    searchUsers: fromPromise<DirectoryUser[], SearchUsersInput>(({ input, signal }) =>
      callAdapter(
        'The user search',
        signal,
        timeoutMs,
        (s) => directory.searchUsers({ query: input.query }, { signal: s }),
        (answer) => parseAnswer(DirectoryUsersSchema, answer, 'The user search'),
      ),
    ),
    // A draft that no longer matches the schema (an older version that cannot be brought
    // forward, edited by hand, or another user's) is not an error the user can act on: the
    // wizard starts afresh instead.
    loadDraft: fromPromise<Draft | null, LoadDraftInput>(({ input, signal }) =>
      callAdapter(
        'The saved draft',
        signal,
        timeoutMs,
        (s) => drafts.load({ signal: s, userEmail: input.userEmail }),
        (answer) => parseDraft(answer, { userEmail: input.userEmail }),
      ),
    ),
    saveDraft: fromPromise<void, SaveDraftInput>(({ input, signal }) =>
      callAdapter(
        'Saving the draft',
        signal,
        timeoutMs,
        (s) => drafts.save(input.draft, { signal: s, userEmail: input.draft.userEmail }),
        () => undefined,
      ),
    ),
    clearDraft: fromPromise<void, ClearDraftInput>(({ input, signal }) =>
      callAdapter(
        'Clearing the draft',
        signal,
        timeoutMs,
        (s) => drafts.clear({ signal: s, userEmail: input.userEmail }),
        () => undefined,
      ),
    ),
    createConnection: fromPromise<Connection, CreateConnectionInput>(({ input, signal }) =>
      callAdapter(
        'The new connection',
        signal,
        timeoutMs,
        (s) =>
          connections.createConnection(
            { request: input.request, idempotencyKey: input.idempotencyKey },
            { signal: s },
          ),
        (answer) => parseAnswer(ConnectionSchema, answer, 'The new connection'),
      ),
    ),
    loadConnection: fromPromise<Connection, LoadConnectionInput>(({ input, signal }) =>
      callAdapter(
        `Connection ${input.connectionId}`,
        signal,
        timeoutMs,
        (s) => connections.getConnection({ connectionId: input.connectionId }, { signal: s }),
        (answer) => parseAnswer(ConnectionSchema, answer, `Connection ${input.connectionId}`),
      ),
    ),
    // Core's own data, not a host's: kept as core declares it.
    loadIamActions: wizardActors.loadIamActions,
  };
}
