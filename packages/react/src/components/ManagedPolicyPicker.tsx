/**
 * A searchable multi-select of AWS managed policies: a filterable list of checkboxes (Radix
 * Checkbox) with the selection shown as removable chips and the role's quota. IAM attaches at
 * most 10 managed policies to a role by default (adjustable to 20).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
import * as Checkbox from '@radix-ui/react-checkbox';
import * as React from 'react';

import type { ManagedPolicy } from '@aws-connection-wizard/core';

import { useMessages } from '../messages';
import { CheckIcon, RemoveIcon, SearchIcon } from './icons';
import { Legend, type HeadingLevel } from './Legend';
import { Spinner } from './Spinner';

const PICKER_NAME = 'ManagedPolicyPicker';

type ManagedPolicyPickerElement = React.ComponentRef<'fieldset'>;

interface ManagedPolicyPickerProps extends Omit<
  React.ComponentPropsWithoutRef<'fieldset'>,
  'onChange' | 'defaultValue'
> {
  /** The group's visible title and accessible name. @default messages.managedPoliciesLabel */
  label?: React.ReactNode;
  /** A short help text under the title, read with the group. */
  hint?: React.ReactNode;
  /** Shows the title as a heading of this level, for a picker that forms a section. */
  headingLevel?: HeadingLevel;
  /** The policies to choose from. */
  policies: readonly ManagedPolicy[];
  /** The selected policy ARNs. */
  value: readonly string[];
  /** Called with the new selection, in the order the user built it. */
  onValueChange: (value: string[]) => void;
  /** The most policies the role may have attached. @default 10 */
  max?: number;
  /** The most search results rendered at once; the user refines the search for more. @default 50 */
  maxResults?: number;
  /** An already translated error. */
  error?: string;
  /** Whether the policy list is still loading. @default false */
  loading?: boolean;
  /** Whether the picker is read-only. @default false */
  disabled?: boolean;
}

const ManagedPolicyPicker = React.forwardRef<ManagedPolicyPickerElement, ManagedPolicyPickerProps>(
  function ManagedPolicyPicker(props, forwardedRef) {
    const {
      label,
      hint,
      headingLevel,
      policies,
      value,
      onValueChange,
      max = 10,
      maxResults = 50,
      error,
      loading = false,
      disabled = false,
      className,
      ...fieldsetProps
    } = props;
    const messages = useMessages();
    const id = React.useId();
    const [query, setQuery] = React.useState('');
    const deferredQuery = React.useDeferredValue(query);
    const searchRef = React.useRef<HTMLInputElement>(null);
    const listRef = React.useRef<HTMLUListElement>(null);

    const selected = React.useMemo(() => new Set(value), [value]);
    const byArn = React.useMemo(() => new Map(policies.map((p) => [p.arn, p])), [policies]);
    const matches = React.useMemo(
      () => filterPolicies(policies, deferredQuery),
      [policies, deferredQuery],
    );
    const shown = matches.slice(0, maxResults);
    const atQuota = value.length >= max;

    const toggle = (arn: string, checked: boolean) => {
      if (checked && !selected.has(arn) && !atQuota) onValueChange([...value, arn]);
      if (!checked) onValueChange(value.filter((other) => other !== arn));
    };

    // Arrow keys move between the search box and the options, as in a listbox.
    const handleListKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const boxes = [
        ...(listRef.current?.querySelectorAll<HTMLButtonElement>(
          'button[role="checkbox"]:not([disabled])',
        ) ?? []),
      ];
      const current = boxes.indexOf(document.activeElement as HTMLButtonElement);
      const next = current + (event.key === 'ArrowDown' ? 1 : -1);
      event.preventDefault();
      if (next < 0) searchRef.current?.focus();
      else boxes[Math.min(next, boxes.length - 1)]?.focus();
    };

    const quotaId = `${id}-quota`;
    const statusId = `${id}-status`;
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;

    return (
      <fieldset
        {...fieldsetProps}
        ref={forwardedRef}
        className={['awcw-picker', className].filter(Boolean).join(' ')}
        aria-describedby={[hint ? hintId : null, quotaId, error ? errorId : null]
          .filter(Boolean)
          .join(' ')}
        data-state={atQuota ? 'full' : 'open'}
        data-invalid={error ? '' : undefined}
        data-disabled={disabled ? '' : undefined}
        disabled={disabled}
      >
        <Legend headingLevel={headingLevel}>{label ?? messages.managedPoliciesLabel}</Legend>
        {hint ? (
          <p id={hintId} className="awcw-hint">
            {hint}
          </p>
        ) : null}
        <p id={quotaId} className="awcw-picker-quota" aria-live="polite">
          <span className="awcw-count">
            {messages.managedPoliciesQuota({ count: value.length, max })}
          </span>
          {atQuota ? <span> {messages.managedPoliciesQuotaReached({ max })}</span> : null}
        </p>
        {value.length === 0 ? (
          <p className="awcw-hint">{messages.managedPoliciesNoneSelected}</p>
        ) : (
          <ul className="awcw-chips" aria-label={messages.managedPoliciesSelected}>
            {value.map((arn) => {
              const name = byArn.get(arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1);
              return (
                <li key={arn} className="awcw-chip" title={arn}>
                  <span>{name}</span>
                  <button
                    type="button"
                    className="awcw-chip-remove"
                    aria-label={messages.managedPolicyRemove({ name })}
                    onClick={() => toggle(arn, false)}
                  >
                    <RemoveIcon />
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="awcw-picker-search">
          <label className="awcw-visually-hidden" htmlFor={`${id}-search`}>
            {messages.managedPoliciesSearchLabel}
          </label>
          <div className="awcw-input-box">
            <span className="awcw-input-icon">
              <SearchIcon />
            </span>
            <input
              ref={searchRef}
              id={`${id}-search`}
              className="awcw-input"
              type="search"
              autoComplete="off"
              spellCheck={false}
              placeholder={messages.managedPoliciesSearchPlaceholder}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={handleListKeyDown}
              aria-controls={loading ? undefined : `${id}-options`}
              aria-describedby={statusId}
            />
          </div>
        </div>
        <p id={statusId} className="awcw-picker-status" aria-live="polite">
          {loading
            ? null
            : matches.length === 0
              ? messages.managedPoliciesNone
              : matches.length > shown.length
                ? messages.managedPoliciesTruncated({ shown: shown.length, count: matches.length })
                : ''}
        </p>
        {loading ? (
          <Spinner label={messages.loading} showLabel />
        ) : (
          // The keyboard handler only adds arrow-key movement between real checkboxes.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
          <ul
            ref={listRef}
            id={`${id}-options`}
            className="awcw-picker-options"
            aria-label={messages.managedPoliciesOptions}
            onKeyDown={handleListKeyDown}
          >
            {shown.map((policy) => {
              const checked = selected.has(policy.arn);
              const optionId = `${id}-option-${policy.arn}`;
              const optionDisabled = disabled || (!checked && atQuota);
              return (
                <li
                  key={policy.arn}
                  className="awcw-picker-option"
                  data-state={checked ? 'checked' : 'unchecked'}
                  data-disabled={optionDisabled ? '' : undefined}
                >
                  <Checkbox.Root
                    id={optionId}
                    className="awcw-checkbox"
                    checked={checked}
                    disabled={optionDisabled}
                    onCheckedChange={(next) => toggle(policy.arn, next === true)}
                    aria-describedby={`${optionId}-arn`}
                  >
                    <Checkbox.Indicator className="awcw-checkbox-indicator">
                      <CheckIcon />
                    </Checkbox.Indicator>
                  </Checkbox.Root>
                  <span className="awcw-picker-option-text">
                    <label htmlFor={optionId} className="awcw-picker-option-name">
                      {policy.name}
                    </label>
                    <span id={`${optionId}-arn`} className="awcw-mono awcw-muted">
                      {policy.arn}
                    </span>
                    {policy.description ? (
                      <span className="awcw-picker-option-description">{policy.description}</span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {error ? (
          <p id={errorId} className="awcw-field-error">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  },
);

ManagedPolicyPicker.displayName = PICKER_NAME;

/** Every word of the query must appear in the name, the ARN or the description. */
function filterPolicies(
  policies: readonly ManagedPolicy[],
  query: string,
): readonly ManagedPolicy[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return policies;
  return policies.filter((policy) => {
    const text = `${policy.name} ${policy.arn} ${policy.description ?? ''}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
}

export { ManagedPolicyPicker };
export type { ManagedPolicyPickerProps };
