/**
 * AWS SDK errors as the wizard's `AdapterError` kinds, so the browser can say what failed and
 * whether a retry makes sense. Names come from the Organizations and CloudFormation API
 * references (the "Errors" section of each operation).
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

/** The `AdapterError` for a failed AWS call; `what` names the call for the message. */
export function toAdapterError(error: unknown, what: string): AdapterError {
  if (isAdapterError(error)) return error;
  if (isThrottlingError(error)) {
    return new AdapterError('throttled', `${what}: AWS is throttling requests`, { cause: error });
  }

  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
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

  return new AdapterError(kind, `${what}: ${name ? `${name}: ` : ''}${message}`, { cause: error });
}
