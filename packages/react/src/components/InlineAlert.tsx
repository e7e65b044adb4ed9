/**
 * A message inside the flow of a step: an error (with an optional retry), a warning or a note.
 * Errors are `role="alert"` so they are announced at once; the rest are polite statuses.
 */
import * as React from 'react';

import { useMessages } from '../messages';

const INLINE_ALERT_NAME = 'InlineAlert';

type InlineAlertVariant = 'error' | 'warning' | 'info' | 'success';

type InlineAlertElement = React.ComponentRef<'div'>;

interface InlineAlertProps extends Omit<React.ComponentPropsWithoutRef<'div'>, 'title'> {
  /** What kind of message this is. @default 'info' */
  variant?: InlineAlertVariant;
  /** A short bold first line. */
  title?: React.ReactNode;
  /** When set, a retry button is shown that calls it. */
  onRetry?: () => void;
  /** The retry button's text. @default messages.retry */
  retryLabel?: string;
  /** Whether the retried work is running; the button is then disabled. @default false */
  retrying?: boolean;
  /** Extra actions beside the retry button, e.g. a link. */
  actions?: React.ReactNode;
}

const InlineAlert = React.forwardRef<InlineAlertElement, InlineAlertProps>(
  function InlineAlert(props, ref) {
    const messages = useMessages();
    const {
      variant = 'info',
      title,
      onRetry,
      retryLabel = messages.retry,
      retrying = false,
      actions,
      children,
      className,
      ...divProps
    } = props;

    return (
      <div
        role={variant === 'error' ? 'alert' : 'status'}
        {...divProps}
        ref={ref}
        className={['awcw-alert', className].filter(Boolean).join(' ')}
        data-variant={variant}
      >
        <AlertIcon variant={variant} />
        <div className="awcw-alert-body">
          {title ? <p className="awcw-alert-title">{title}</p> : null}
          {children ? <div className="awcw-alert-text">{children}</div> : null}
          {onRetry || actions ? (
            <div className="awcw-alert-actions">
              {onRetry ? (
                <button
                  type="button"
                  className="awcw-button"
                  data-variant="secondary"
                  data-size="small"
                  disabled={retrying}
                  aria-busy={retrying || undefined}
                  onClick={onRetry}
                >
                  {retryLabel}
                </button>
              ) : null}
              {actions}
            </div>
          ) : null}
        </div>
      </div>
    );
  },
);

InlineAlert.displayName = INLINE_ALERT_NAME;

function AlertIcon({ variant }: { variant: InlineAlertVariant }) {
  return (
    <svg
      className="awcw-alert-icon"
      viewBox="0 0 16 16"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      {variant === 'warning' ? (
        <path d="M8 1.5l7 12.5H1z" fill="currentColor" />
      ) : (
        <circle cx="8" cy="8" r="7" fill="currentColor" />
      )}
      {variant === 'success' ? (
        <path d="M4.5 8.5l2.5 2.5 4.5-5" fill="none" stroke="#fff" strokeWidth="1.75" />
      ) : variant === 'info' ? (
        <path d="M8 7v4.5M8 4.5v.5" stroke="#fff" strokeWidth="1.75" strokeLinecap="round" />
      ) : (
        <path d="M8 5v4M8 11.5v.5" stroke="#fff" strokeWidth="1.75" strokeLinecap="round" />
      )}
    </svg>
  );
}

export { InlineAlert };
export type { InlineAlertProps, InlineAlertVariant };
