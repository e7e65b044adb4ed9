/**
 * AWS SDK errors as the wizard's `AdapterError` kinds, so the browser can say what failed and
 * whether a retry makes sense. Names come from the Organizations and CloudFormation API
 * references (the "Errors" section of each operation).
 *
 * The message is safe to send to a browser: the call, a fixed phrase for the kind and the AWS
 * error's name. AWS's own message, which can name ARNs, principals and policies of the
 * platform's account, stays in `cause` for a host that logs.
 */
import { AdapterError, isAdapterError } from '../../errors';
import type { AdapterErrorKind } from '../../errors';
import { isThrottlingError } from './throttle';

const KIND_BY_NAME: Readonly<Record<string, AdapterErrorKind>> = {
  AccessDeniedException: 'forbidden',
  AccessDenied: 'forbidden',
  AccessDeniedForDependencyException: 'forbidden',
  UnrecognizedClientException: 'forbidden',
  InvalidClientTokenId: 'forbidden',
  ExpiredTokenException: 'forbidden',
  ExpiredToken: 'forbidden',
  CredentialsProviderError: 'forbidden',
  AWSOrganizationsNotInUseException: 'notFound',
  ParentNotFoundException: 'notFound',
  StackSetNotFoundException: 'notFound',
  OperationNotFoundException: 'notFound',
  ServiceException: 'unavailable',
  InternalFailure: 'unavailable',
  ServiceUnavailable: 'unavailable',
  TimeoutError: 'timeout',
};

const SAFE_PHRASE: Readonly<Record<AdapterErrorKind, string>> = {
  forbidden: 'AWS denied access',
  notFound: 'AWS found no such resource',
  conflict: 'AWS reported a conflict',
  throttled: 'AWS is throttling requests',
  unavailable: 'AWS could not be reached or failed to answer',
  invalidResponse: 'AWS refused the request',
  timeout: 'AWS took too long to answer',
};

/** Error names are AWS's fixed identifiers; anything else is not repeated. */
const ERROR_NAME = /^[A-Za-z][A-Za-z0-9.]{0,99}$/;

/** The `AdapterError` for a failed AWS call; `what` names the call for the message. */
export function toAdapterError(error: unknown, what: string): AdapterError {
  if (isAdapterError(error)) return error;
  const rawName = error instanceof Error ? error.name : '';
  const name = ERROR_NAME.test(rawName) && rawName !== 'Error' ? rawName : '';
  const safeMessage = (kind: AdapterErrorKind) =>
    `${what}: ${SAFE_PHRASE[kind]}${name === '' ? '' : ` (${name})`}`;
  if (isThrottlingError(error)) {
    return new AdapterError('throttled', safeMessage('throttled'), { cause: error });
  }
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata
    ?.httpStatusCode;
  const networkCodes = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT'];
  const code = (error as { code?: unknown } | null)?.code;
  const kind: AdapterErrorKind =
    KIND_BY_NAME[name] ??
    (typeof code === 'string' && networkCodes.includes(code)
      ? 'unavailable'
      : status !== undefined && status >= 500
        ? 'unavailable'
        : 'invalidResponse');

  return new AdapterError(kind, safeMessage(kind), { cause: error });
}
