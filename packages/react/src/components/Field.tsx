/**
 * A form field's frame: label, hint, error and a pending slot, wired to the control through
 * `aria-describedby` and `aria-invalid` so assistive technology reads them with the control.
 * https://www.w3.org/WAI/WCAG22/Techniques/aria/ARIA21
 */
import * as React from 'react';

import { useMessages } from '../messages';

const FIELD_NAME = 'Field';

/** What the control inside a field must spread onto itself. */
interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

type FieldElement = React.ComponentRef<'div'>;

interface FieldProps extends Omit<React.ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The visible label. */
  label: React.ReactNode;
  /** A short help text under the label. */
  hint?: React.ReactNode;
  /** An already translated error; when set the control is marked invalid. */
  error?: string;
  /** Shown beside the label while an asynchronous check runs (a Spinner, usually). */
  pending?: React.ReactNode;
  /** Whether a value is required; the label shows it and the control gets `aria-required`. @default false */
  required?: boolean;
  /** The control's id. @default a generated id */
  controlId?: string;
  /** Renders the control with the props that connect it to the label, hint and error. */
  children: (control: FieldControlProps) => React.ReactNode;
}

const Field = React.forwardRef<FieldElement, FieldProps>(function Field(props, forwardedRef) {
  const {
    label,
    hint,
    error,
    pending,
    required = false,
    controlId,
    children,
    className,
    ...divProps
  } = props;
  const messages = useMessages();
  const generatedId = React.useId();
  const id = controlId ?? generatedId;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const pendingId = pending ? `${id}-pending` : null;
  const describedBy = [hintId, errorId, pendingId].filter(Boolean).join(' ') || undefined;

  return (
    <div
      {...divProps}
      ref={forwardedRef}
      className={['awcw-field', className].filter(Boolean).join(' ')}
      data-invalid={error ? '' : undefined}
      data-state={pending ? 'pending' : error ? 'invalid' : 'idle'}
    >
      <div className="awcw-field-label-row">
        <label className="awcw-label" htmlFor={id}>
          {label}
          {required ? (
            <>
              {' '}
              <span className="awcw-required" aria-hidden="true">
                *
              </span>
              <span className="awcw-visually-hidden">({messages.required})</span>
            </>
          ) : null}
        </label>
        {pending ? (
          <span id={pendingId ?? undefined} className="awcw-field-pending" role="status">
            {pending}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId ?? undefined} className="awcw-hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {error ? (
        <p id={errorId ?? undefined} className="awcw-field-error">
          <ErrorIcon />
          {error}
        </p>
      ) : null}
    </div>
  );
});

Field.displayName = FIELD_NAME;

function ErrorIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 4.5v4.5M8 11v.5" stroke="#fff" strokeWidth="1.75" strokeLinecap="round" />
    </svg>
  );
}

export { Field };
export type { FieldControlProps, FieldProps };
