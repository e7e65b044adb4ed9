/**
 * Identifier patterns of AWS Organizations and IAM, as AWS's API models define them.
 * Every value that reaches a generated artefact is checked against one of these first.
 */
import * as z from 'zod/mini';

/** An AWS account ID: exactly twelve digits (leading zeros are significant). */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
/** The organisation root: `r-` and 4–32 lowercase letters or digits. */
export const ROOT_ID_PATTERN = /^r-[0-9a-z]{4,32}$/;
/** An organizational unit: `ou-`, the root part, `-`, and 8–32 lowercase letters or digits. */
export const OU_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
/** The organisation itself: `o-` and 10–32 lowercase letters or digits. */
export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;

export const AccountIdSchema = z.string().check(z.regex(ACCOUNT_ID_PATTERN));
export const RootIdSchema = z.string().check(z.regex(ROOT_ID_PATTERN));
export const OrganizationalUnitIdSchema = z.string().check(z.regex(OU_ID_PATTERN));
export const OrganizationIdSchema = z.string().check(z.regex(ORGANIZATION_ID_PATTERN));

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID_PATTERN.test(value);
}

export function isRootId(value: string): boolean {
  return ROOT_ID_PATTERN.test(value);
}

export function isOrganizationalUnitId(value: string): boolean {
  return OU_ID_PATTERN.test(value);
}
