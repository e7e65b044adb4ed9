/**
 * Rows of `service:Action` entries for the role's inline policy. Validation, de-duplication and
 * risk warnings come from core; this editor shows them beside their row.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
import * as React from 'react';

import { useMessages } from '../messages';
import { AddIcon, RemoveIcon } from './icons';
import { Legend, type HeadingLevel } from './Legend';

const EDITOR_NAME = 'AllowedActionsEditor';

type AllowedActionsEditorElement = React.ComponentRef<'fieldset'>;

interface AllowedActionsEditorProps extends Omit<
  React.ComponentPropsWithoutRef<'fieldset'>,
  'onChange' | 'defaultValue'
> {
  /** The group's visible title and accessible name. @default messages.allowedActionsLabel */
  label?: React.ReactNode;
  /** A short help text under the title. @default messages.allowedActionsHint */
  hint?: React.ReactNode;
  /** Shows the title as a heading of this level, for an editor that forms a section. */
  headingLevel?: HeadingLevel;
  /** One entry per row, blanks included while the user edits. */
  value: readonly string[];
  /** Called with every row after an edit, an added row or a removed row. */
  onValueChange: (value: string[]) => void;
  /** Already translated errors by row index. */
  errors?: readonly (string | null | undefined)[];
  /** Already translated warnings by row index (risky entries). */
  warnings?: readonly (readonly string[] | null | undefined)[];
  /** An error about the list as a whole (e.g. none given). */
  error?: string;
  /** Permissions the platform always adds, shown read-only. @default [] */
  baseActions?: readonly string[];
  /** Rows that always stay; their remove buttons are disabled. @default 1 */
  minRows?: number;
  /** Whether the editor is read-only. @default false */
  disabled?: boolean;
}

const AllowedActionsEditor = React.forwardRef<
  AllowedActionsEditorElement,
  AllowedActionsEditorProps
>(function AllowedActionsEditor(props, forwardedRef) {
  const {
    label,
    hint,
    headingLevel,
    value,
    onValueChange,
    errors = [],
    warnings = [],
    error,
    baseActions = [],
    minRows = 1,
    disabled = false,
    className,
    ...fieldsetProps
  } = props;
  const messages = useMessages();
  const id = React.useId();
  const inputs = React.useRef<(HTMLInputElement | null)[]>([]);
  const addButton = React.useRef<HTMLButtonElement>(null);
  // The row to focus once the host has rendered the new value list.
  const pendingFocus = React.useRef<number | 'add' | null>(null);

  React.useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    if (target === 'add') addButton.current?.focus();
    else inputs.current[target]?.focus();
  }, [value]);

  const rows = value.length === 0 ? [''] : value;

  const change = (row: number, text: string) => {
    const next = [...rows];
    next[row] = text;
    onValueChange(next);
  };

  const remove = (row: number) => {
    const next = rows.filter((_, i) => i !== row);
    // Keep focus in the list: on the row that moved up, or the last row, or the add button.
    pendingFocus.current = next.length === 0 ? 'add' : Math.min(row, next.length - 1);
    onValueChange(next);
  };

  const add = () => {
    pendingFocus.current = rows.length;
    onValueChange([...rows, '']);
  };

  const errorId = `${id}-error`;

  return (
    <fieldset
      {...fieldsetProps}
      ref={forwardedRef}
      className={['awcw-list-editor', className].filter(Boolean).join(' ')}
      aria-describedby={[`${id}-hint`, error ? errorId : null].filter(Boolean).join(' ')}
      data-invalid={error ? '' : undefined}
      data-disabled={disabled ? '' : undefined}
      disabled={disabled}
    >
      <Legend headingLevel={headingLevel}>{label ?? messages.allowedActionsLabel}</Legend>
      <p id={`${id}-hint`} className="awcw-hint">
        {hint ?? messages.allowedActionsHint}
      </p>
      <ol className="awcw-list-editor-rows">
        {rows.map((text, row) => {
          const rowError = errors[row] ?? undefined;
          const rowWarnings = warnings[row] ?? [];
          const rowId = `${id}-row-${row}`;
          const describedBy = [
            rowError ? `${rowId}-error` : null,
            rowWarnings.length > 0 ? `${rowId}-warnings` : null,
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li
              key={row}
              className="awcw-list-editor-row"
              data-state={rowError ? 'invalid' : rowWarnings.length > 0 ? 'warning' : 'valid'}
            >
              <div className="awcw-list-editor-controls">
                <div className="awcw-input-box" data-invalid={rowError ? '' : undefined}>
                  <input
                    ref={(element) => {
                      inputs.current[row] = element;
                    }}
                    id={rowId}
                    className="awcw-input awcw-mono"
                    type="text"
                    value={text}
                    placeholder={messages.allowedActionPlaceholder}
                    aria-label={messages.allowedActionLabel({ number: row + 1 })}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={describedBy || undefined}
                    autoComplete="off"
                    autoCapitalize="off"
                    spellCheck={false}
                    onChange={(event) => change(row, event.target.value)}
                  />
                </div>
                <button
                  type="button"
                  className="awcw-button"
                  data-variant="ghost"
                  data-icon=""
                  aria-label={messages.allowedActionRemove({ number: row + 1, value: text })}
                  disabled={rows.length <= minRows}
                  onClick={() => remove(row)}
                >
                  <RemoveIcon />
                </button>
              </div>
              {rowError ? (
                <p id={`${rowId}-error`} className="awcw-field-error">
                  {rowError}
                </p>
              ) : null}
              {rowWarnings.length > 0 ? (
                <ul id={`${rowId}-warnings`} className="awcw-field-warnings">
                  {rowWarnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        ref={addButton}
        type="button"
        className="awcw-button"
        data-variant="secondary"
        onClick={add}
      >
        <AddIcon />
        {messages.allowedActionAdd}
      </button>
      {error ? (
        <p id={errorId} className="awcw-field-error">
          {error}
        </p>
      ) : null}
      {baseActions.length > 0 ? (
        <div className="awcw-base-actions">
          <p className="awcw-label" id={`${id}-base`}>
            {messages.baseActionsLabel}
          </p>
          <p className="awcw-hint">{messages.baseActionsHint}</p>
          <ul className="awcw-chips" aria-labelledby={`${id}-base`}>
            {baseActions.map((action) => (
              <li key={action} className="awcw-chip awcw-mono" data-state="readonly">
                {action}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
});

AllowedActionsEditor.displayName = EDITOR_NAME;

export { AllowedActionsEditor };
export type { AllowedActionsEditorProps };
