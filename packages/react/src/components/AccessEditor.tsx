/**
 * Who may use the connection: rows of a platform user's email and a connection access level.
 * The creating user's row comes first, is marked and cannot be removed or demoted, since the
 * creator is always an Owner. Duplicate and format checks come from core as `errors`.
 */
import * as React from 'react';

import type { AccessEntry, DirectoryUser } from '@aws-connection-wizard/core';

import { useMessages } from '../messages';
import { EmailCombobox } from './EmailCombobox';
import { AddIcon, RemoveIcon } from './icons';

const ACCESS_EDITOR_NAME = 'AccessEditor';

interface AccessLevelOption {
  value: string;
  label: string;
}

type AccessEditorElement = React.ComponentRef<'fieldset'>;

interface AccessEditorProps extends Omit<
  React.ComponentPropsWithoutRef<'fieldset'>,
  'onChange' | 'defaultValue'
> {
  /** The group's visible label and accessible name. @default messages.accessLabel */
  label?: React.ReactNode;
  /** A short help text under the label, read with the group. */
  hint?: React.ReactNode;
  /** One entry per row, the creator's included. */
  value: readonly AccessEntry[];
  /** Called with every row after an edit, an added row or a removed row. */
  onValueChange: (value: AccessEntry[]) => void;
  /** The access levels to choose from, in display order. */
  levels: readonly AccessLevelOption[];
  /** The creating user's email: that row is marked, cannot be removed and keeps its level. */
  creatorEmail: string;
  /** The level a new row starts with. @default the last of `levels` */
  defaultLevel?: string;
  /** Finds platform users for the email suggestions. */
  searchUsers?: (query: string) => Promise<readonly DirectoryUser[]>;
  /** A fixed list of users to suggest, when there is no `searchUsers`. @default [] */
  suggestions?: readonly DirectoryUser[];
  /** Already translated errors by row index. */
  errors?: readonly (string | null | undefined)[];
  /** An error about the list as a whole. */
  error?: string;
  /** Called with a row's index when the user is done with its email (left it or chose a user). */
  onCommit?: (row: number) => void;
  /** Whether the editor is read-only. @default false */
  disabled?: boolean;
}

const AccessEditor = React.forwardRef<AccessEditorElement, AccessEditorProps>(
  function AccessEditor(props, forwardedRef) {
    const {
      label,
      hint,
      value,
      onValueChange,
      levels,
      creatorEmail,
      defaultLevel = levels[levels.length - 1]?.value ?? '',
      searchUsers,
      suggestions,
      errors = [],
      error,
      onCommit,
      disabled = false,
      className,
      ...fieldsetProps
    } = props;
    const messages = useMessages();
    const id = React.useId();
    const inputs = React.useRef<(HTMLInputElement | null)[]>([]);
    const addButton = React.useRef<HTMLButtonElement>(null);
    const pendingFocus = React.useRef<number | 'add' | null>(null);

    React.useEffect(() => {
      const target = pendingFocus.current;
      if (target === null) return;
      pendingFocus.current = null;
      if (target === 'add') addButton.current?.focus();
      else inputs.current[target]?.focus();
    }, [value]);

    const matchesCreator = (entry: AccessEntry) =>
      entry.email.trim().toLowerCase() === creatorEmail.trim().toLowerCase();
    // Only the first row with the creator's email is their fixed row: the same email typed into
    // another row stays an ordinary, editable row, which core reports as a duplicate.
    const creatorRow = value.findIndex(matchesCreator);
    const isCreatorRow = (row: number) => row === creatorRow;

    const update = (row: number, patch: Partial<AccessEntry>) =>
      onValueChange(value.map((entry, i) => (i === row ? { ...entry, ...patch } : entry)));

    const remove = (row: number) => {
      const next = value.filter((_, i) => i !== row);
      const target = Math.min(row, next.length - 1);
      // Move focus to the row that took this one's place, unless that is the creator's fixed row.
      const targetIsCreator = target >= 0 && target === next.findIndex(matchesCreator);
      pendingFocus.current = target >= 0 && !targetIsCreator ? target : 'add';
      onValueChange(next);
    };

    const add = () => {
      pendingFocus.current = value.length;
      onValueChange([...value, { email: '', level: defaultLevel }]);
    };

    const errorId = `${id}-error`;

    return (
      <fieldset
        {...fieldsetProps}
        ref={forwardedRef}
        className={['awcw-list-editor', 'awcw-access', className].filter(Boolean).join(' ')}
        aria-describedby={
          [hint ? `${id}-hint` : null, error ? errorId : null].filter(Boolean).join(' ') ||
          undefined
        }
        data-invalid={error ? '' : undefined}
        data-disabled={disabled ? '' : undefined}
        disabled={disabled}
      >
        <legend className="awcw-label">{label ?? messages.accessLabel}</legend>
        {hint ? (
          <p id={`${id}-hint`} className="awcw-hint">
            {hint}
          </p>
        ) : null}
        <ol className="awcw-list-editor-rows">
          {value.map((entry, row) => {
            const creator = isCreatorRow(row);
            const rowError = errors[row] ?? undefined;
            const rowId = `${id}-row-${row}`;
            const others = value.filter((_, i) => i !== row).map((other) => other.email);
            return (
              <li
                key={row}
                className="awcw-list-editor-row"
                data-state={rowError ? 'invalid' : 'valid'}
                data-creator={creator ? '' : undefined}
              >
                <div className="awcw-list-editor-controls awcw-access-controls">
                  {creator ? (
                    <div className="awcw-access-creator">
                      <span id={`${rowId}-email`}>{entry.email}</span>{' '}
                      <span className="awcw-badge" data-tone="accent">
                        {messages.accessCreatorBadge}
                      </span>
                    </div>
                  ) : (
                    <EmailCombobox
                      ref={(element) => {
                        inputs.current[row] = element;
                      }}
                      id={`${rowId}-email`}
                      value={entry.email}
                      onValueChange={(email) => update(row, { email })}
                      onCommit={onCommit ? () => onCommit(row) : undefined}
                      searchUsers={searchUsers}
                      suggestions={suggestions}
                      excludeEmails={others}
                      placeholder={messages.accessEmailPlaceholder}
                      aria-label={messages.accessEmailLabel({ number: row + 1 })}
                      aria-invalid={rowError ? true : undefined}
                      aria-describedby={rowError ? `${rowId}-error` : undefined}
                    />
                  )}
                  <select
                    className="awcw-select"
                    value={entry.level}
                    aria-label={messages.accessLevelLabel({ number: row + 1 })}
                    aria-describedby={creator ? `${rowId}-email` : undefined}
                    disabled={creator}
                    onChange={(event) => update(row, { level: event.target.value })}
                  >
                    {levels.map((level) => (
                      <option key={level.value} value={level.value}>
                        {level.label}
                      </option>
                    ))}
                  </select>
                  {creator ? (
                    <span className="awcw-list-editor-spacer" aria-hidden="true" />
                  ) : (
                    <button
                      type="button"
                      className="awcw-button"
                      data-variant="ghost"
                      data-icon=""
                      aria-label={messages.accessRemove({ number: row + 1, email: entry.email })}
                      onClick={() => remove(row)}
                    >
                      <RemoveIcon />
                    </button>
                  )}
                </div>
                {rowError ? (
                  <p id={`${rowId}-error`} className="awcw-field-error">
                    {rowError}
                  </p>
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
          {messages.accessAdd}
        </button>
        {error ? (
          <p id={errorId} className="awcw-field-error">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  },
);

AccessEditor.displayName = ACCESS_EDITOR_NAME;

export { AccessEditor };
export type { AccessEditorProps, AccessLevelOption };
