/**
 * A saved draft: what the user entered, which step was open, and a submission still in flight,
 * so that a reload loses nothing and never creates a second connection.
 *
 * Version 2 keeps the exact connection request sent at *Finish connection* with its idempotency
 * key, so a reload during the submission resends that very request (or follows the connection
 * once its id is known) instead of rebuilding it from a half-loaded wizard. It also names the
 * user the draft belongs to, so a browser shared by two people never shows one the other's.
 *
 * Version 1 drafts still load when nothing was being submitted: their values have the same
 * shape. One caught during a submission is dropped, because its request was not kept and cannot
 * be resent exactly; if that connection was created, its name is now taken, so finishing again
 * cannot make a second one.
 */
import * as z from 'zod/mini';

import { normalizeEmail } from './validation';
import {
  ConnectionPathSchema,
  ConnectionRequestSchema,
  StepIdSchema,
  WizardValuesSchema,
} from './values';

export const DRAFT_SCHEMA_VERSION = 2;

/** A submission saved from *Finish connection* until the connection is active. */
export const DraftSubmissionSchema = z.object({
  /** The request exactly as first sent; a retry or a reload sends these same bytes. */
  request: ConnectionRequestSchema,
  /** The same for every attempt of this request, so the host creates one connection. */
  idempotencyKey: z.string(),
  /** Known once the platform answered; from then on the wizard follows its status. */
  connectionId: z.nullable(z.string()),
  /** When *Finish connection* was pressed, as an ISO 8601 date-time. */
  startedAt: z.string(),
});
export type DraftSubmission = z.infer<typeof DraftSubmissionSchema>;

export const DraftSchema = z.object({
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  savedAt: z.string(),
  /** The signed-in user who entered it, as {@link normalizeEmail} writes an email. */
  userEmail: z.string(),
  path: ConnectionPathSchema,
  values: WizardValuesSchema,
  openStep: StepIdSchema,
  /** The furthest step the user has reached. */
  furthestStep: StepIdSchema,
  /** Set from the moment *Finish connection* is pressed until the connection is active. */
  submission: z.nullable(DraftSubmissionSchema),
});
export type Draft = z.infer<typeof DraftSchema>;

const DraftV1Schema = z.object({
  schemaVersion: z.literal(1),
  savedAt: z.string(),
  path: ConnectionPathSchema,
  values: WizardValuesSchema,
  openStep: StepIdSchema,
  furthestStep: StepIdSchema,
  submission: z.nullable(
    z.object({ idempotencyKey: z.string(), connectionId: z.nullable(z.string()) }),
  ),
});

/**
 * A stored value as the draft of `userEmail`, or `null` when there is none to restore: not a
 * draft, a draft of another user, or a version 1 draft caught during a submission. A version 1
 * draft carries no owner; the store that hands it over vouches for whose it is.
 */
export function parseDraft(value: unknown, options: { userEmail: string }): Draft | null {
  const userEmail = normalizeEmail(options.userEmail);
  const current = DraftSchema.safeParse(value);
  if (current.success) {
    return normalizeEmail(current.data.userEmail) === userEmail ? current.data : null;
  }

  const legacy = DraftV1Schema.safeParse(value);
  if (!legacy.success || legacy.data.submission !== null) return null;
  return { ...legacy.data, schemaVersion: DRAFT_SCHEMA_VERSION, userEmail, submission: null };
}
