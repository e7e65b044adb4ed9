/**
 * Turns whatever an actor rejected with into something the wizard can show: a kind the UI
 * translates, and whether offering *Retry* makes sense. Adapters reject with typed errors
 * (`AdapterError` in the sdk, which carries `kind` and `retryable`); anything else is treated as
 * an unexpected failure that may go away on retry.
 */
import { FieldProblemSchema, type FieldProblem } from '../model/problems';

export type FailureKind =
  | 'notFound'
  | 'forbidden'
  | 'conflict'
  | 'throttled'
  | 'unavailable'
  | 'invalidResponse'
  | 'timeout'
  | 'unknown';

export interface Failure {
  kind: FailureKind;
  /** Whether trying the same call again may succeed. */
  retryable: boolean;
  /** The error's own message, for hosts that log; never shown as the main text. */
  detail: string;
  /** The problems at fields the backend named (`AdapterError.problems`); absent when none. */
  problems?: FieldProblem[];
}

const KNOWN_KINDS: ReadonlySet<string> = new Set<FailureKind>([
  'notFound',
  'forbidden',
  'conflict',
  'throttled',
  'unavailable',
  'invalidResponse',
  'timeout',
]);

/** Kinds where the same call can succeed later. */
const RETRYABLE_KINDS: ReadonlySet<FailureKind> = new Set<FailureKind>([
  'throttled',
  'unavailable',
  'timeout',
  'unknown',
]);

function problemsOf(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((candidate: unknown) => {
    const result = FieldProblemSchema.safeParse(candidate);
    return result.success ? [result.data] : [];
  });
}

export function describeFailure(error: unknown): Failure {
  const detail = error instanceof Error ? error.message : String(error);
  const candidate =
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const kind =
    typeof candidate.kind === 'string' && KNOWN_KINDS.has(candidate.kind)
      ? (candidate.kind as FailureKind)
      : 'unknown';
  const retryable =
    typeof candidate.retryable === 'boolean' ? candidate.retryable : RETRYABLE_KINDS.has(kind);

  const problems = problemsOf(candidate.problems);

  return problems.length > 0 ? { kind, retryable, detail, problems } : { kind, retryable, detail };
}
