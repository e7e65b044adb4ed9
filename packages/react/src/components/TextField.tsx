/**
 * A labelled single-line text input inside a {@link Field}.
 */
import * as React from 'react';

import { Field } from './Field';

const TEXT_FIELD_NAME = 'TextField';

type TextFieldElement = React.ComponentRef<'input'>;

interface TextFieldProps extends Omit<
  React.ComponentPropsWithoutRef<'input'>,
  'value' | 'defaultValue' | 'onChange'
> {
  /** The visible label. */
  label: React.ReactNode;
  /** The current text (controlled). */
  value: string;
  /** Called with the new text on every edit. */
  onValueChange: (value: string) => void;
  /** A short help text under the label. */
  hint?: React.ReactNode;
  /** An already translated error. */
  error?: string;
  /** Shown beside the label while an asynchronous check runs. */
  pending?: React.ReactNode;
  /** Rendered before the input inside its box, e.g. a fixed prefix. */
  startAdornment?: React.ReactNode;
}

const TextField = React.forwardRef<TextFieldElement, TextFieldProps>(
  function TextField(props, forwardedRef) {
    const {
      label,
      value,
      onValueChange,
      hint,
      error,
      pending,
      startAdornment,
      required,
      id,
      className,
      'aria-describedby': extraDescribedBy,
      ...inputProps
    } = props;

    return (
      <Field
        label={label}
        hint={hint}
        error={error}
        pending={pending}
        required={required}
        controlId={id}
        className={className}
      >
        {(control) => (
          <div
            className="awcw-input-box"
            data-invalid={error ? '' : undefined}
            data-disabled={inputProps.disabled ? '' : undefined}
          >
            {startAdornment}
            <input
              type="text"
              {...inputProps}
              {...control}
              aria-describedby={
                [extraDescribedBy, control['aria-describedby']].filter(Boolean).join(' ') ||
                undefined
              }
              ref={forwardedRef}
              className="awcw-input"
              value={value}
              required={required}
              onChange={(event) => onValueChange(event.target.value)}
            />
          </div>
        )}
      </Field>
    );
  },
);

TextField.displayName = TEXT_FIELD_NAME;

export { TextField };
export type { TextFieldProps };
