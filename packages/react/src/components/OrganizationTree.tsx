/**
 * The organisation as a WAI-ARIA tree with a tri-state check on every node.
 * https://www.w3.org/WAI/ARIA/apg/patterns/treeview/
 *
 * Rows are rendered flat (every treeitem a direct child of the tree) with `aria-level`,
 * `aria-setsize` and `aria-posinset`, which the pattern allows when not every node is in the DOM:
 * only expanded branches render, each row is a memoised leaf, and the same list can later be
 * virtualised without changing the markup. The checkbox is drawn, not focusable: the treeitem
 * itself carries `aria-checked`, so there is no interactive element nested in another.
 */
import * as React from 'react';

import type {
  AccountState,
  CheckState,
  NodeScope,
  OrganizationIndex,
  OrganizationNode,
  ScopeReason,
} from '@aws-connection-wizard/core';

import { useMessages } from '../messages';
import type { Messages } from '../messages';
import { useControllableState } from './useControllableState';

/* -------------------------------------------------------------------------------------------------
 * OrganizationTree
 * -----------------------------------------------------------------------------------------------*/

const TREE_NAME = 'OrganizationTree';

/** Beyond this many matches the filter shows the first ones only, so typing stays smooth. */
const MAX_FILTER_MATCHES = 500;
const TYPEAHEAD_RESET_MS = 500;

type OrganizationTreeElement = React.ComponentRef<'div'>;

interface OrganizationTreeProps extends Omit<
  React.ComponentPropsWithoutRef<'div'>,
  'onToggle' | 'children'
> {
  /** The indexed organisation to show. */
  index: OrganizationIndex;
  /** The check state of a node, from the scope rules in core. */
  getNodeScope: (id: string) => NodeScope;
  /** Called when the user toggles a selectable node (Space, or a click on its row). */
  onToggle: (id: string) => void;
  /** The expanded root and OU ids (controlled). */
  expandedIds?: readonly string[];
  /** The expanded ids on first render (uncontrolled). @default [index.rootId] */
  defaultExpandedIds?: readonly string[];
  /** Called with the new expanded ids whenever a branch opens or closes. */
  onExpandedIdsChange?: (ids: string[]) => void;
  /** Accessible name of the tree. @default messages.treeLabel */
  label?: string;
  /** Whether to show the box that finds accounts and OUs by name, id or email. @default true */
  filterable?: boolean;
  /** Whether the whole tree is read-only. @default false */
  disabled?: boolean;
}

interface VisibleRow {
  id: string;
  level: number;
  posinset: number;
  setsize: number;
}

interface FilterResult {
  query: string;
  /** Matching nodes plus their ancestors: what stays visible while filtering. */
  visible: ReadonlySet<string>;
  matches: ReadonlySet<string>;
  total: number;
}

const OrganizationTree = React.forwardRef<OrganizationTreeElement, OrganizationTreeProps>(
  function OrganizationTree(props, forwardedRef) {
    const {
      index,
      getNodeScope,
      onToggle,
      expandedIds: expandedIdsProp,
      defaultExpandedIds,
      onExpandedIdsChange,
      label,
      filterable = true,
      disabled = false,
      className,
      ...divProps
    } = props;
    const messages = useMessages();
    const baseId = React.useId();

    const [expandedIds, setExpandedIds] = useControllableState<readonly string[]>({
      prop: expandedIdsProp,
      defaultProp: defaultExpandedIds ?? [index.rootId],
      onChange: onExpandedIdsChange ? (ids) => onExpandedIdsChange([...ids]) : undefined,
    });
    const expanded = React.useMemo(() => new Set(expandedIds), [expandedIds]);

    const [filter, setFilter] = React.useState<FilterResult | null>(null);
    const rows = React.useMemo(
      () => collectRows(index, expanded, filter),
      [index, expanded, filter],
    );
    const rowIndexById = React.useMemo(() => new Map(rows.map((row, i) => [row.id, i])), [rows]);

    const [focusedId, setFocusedId] = React.useState<string | null>(null);
    const tabStopId = focusedId !== null && rowIndexById.has(focusedId) ? focusedId : rows[0]?.id;

    const rowElements = React.useRef(new Map<string, HTMLLIElement>());
    const focusRow = (id: string | undefined) => {
      if (id !== undefined) rowElements.current.get(id)?.focus();
    };

    // Row callbacks read the latest props through a ref so every memoised row keeps them stable.
    const latest = React.useRef({ onToggle, getNodeScope, disabled, expanded, setExpandedIds });
    React.useEffect(() => {
      latest.current = { onToggle, getNodeScope, disabled, expanded, setExpandedIds };
    });

    const toggleSelection = React.useCallback((id: string) => {
      const { disabled, getNodeScope, onToggle } = latest.current;
      if (!disabled && getNodeScope(id).selectable) onToggle(id);
    }, []);

    const setBranchOpen = React.useCallback((id: string, open: boolean) => {
      const { expanded, setExpandedIds } = latest.current;
      if (expanded.has(id) === open) return;
      setExpandedIds(open ? [...expanded, id] : [...expanded].filter((other) => other !== id));
    }, []);

    const registerRow = React.useCallback((id: string, element: HTMLLIElement | null) => {
      if (element) rowElements.current.set(id, element);
      else rowElements.current.delete(id);
    }, []);

    const typeahead = React.useRef({ text: '', at: 0 });

    const handleKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
      const id = (event.target as HTMLElement).dataset.nodeId;
      if (id === undefined) return;
      const position = rowIndexById.get(id) ?? 0;
      const node = index.nodes.get(id);
      const isBranch = (node?.childIds.length ?? 0) > 0;
      let handled = true;
      // Moving with other keys starts a new type-ahead search.
      if (event.key.length !== 1) typeahead.current = { text: '', at: 0 };

      switch (event.key) {
        case 'ArrowDown':
          focusRow(rows[position + 1]?.id);
          break;
        case 'ArrowUp':
          focusRow(rows[position - 1]?.id);
          break;
        case 'Home':
          focusRow(rows[0]?.id);
          break;
        case 'End':
          focusRow(rows[rows.length - 1]?.id);
          break;
        case 'ArrowRight':
          // An open branch moves to its first child; a closed one opens; a leaf does nothing.
          if (isBranch && expanded.has(id)) focusRow(rows[position + 1]?.id);
          else if (isBranch) setBranchOpen(id, true);
          break;
        case 'ArrowLeft':
          if (isBranch && expanded.has(id)) setBranchOpen(id, false);
          else if (node?.parentId) focusRow(node.parentId);
          break;
        case ' ':
          toggleSelection(id);
          break;
        case 'Enter':
          if (isBranch) setBranchOpen(id, !expanded.has(id));
          else toggleSelection(id);
          break;
        default:
          handled = handleTypeahead(event.key);
      }
      if (handled) event.preventDefault();

      function handleTypeahead(key: string): boolean {
        if (key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return false;
        const now = Date.now();
        const state = typeahead.current;
        state.text = now - state.at > TYPEAHEAD_RESET_MS ? key : state.text + key;
        state.at = now;
        // Typing one letter again cycles through the names that start with it.
        const repeated = [...state.text].every((char) => char === state.text[0]);
        const prefix = (repeated ? key : state.text).toLocaleLowerCase();
        // Search from the next row (or this one while extending a prefix), wrapping around.
        const start = repeated ? position + 1 : position;
        for (let offset = 0; offset < rows.length; offset++) {
          const candidate = rows[(start + offset) % rows.length];
          const name = index.nodes.get(candidate.id)?.name.toLocaleLowerCase() ?? '';
          if (name.startsWith(prefix)) {
            focusRow(candidate.id);
            break;
          }
        }
        return true;
      }
    };

    const handleFilterChange = (event: React.ChangeEvent<HTMLInputElement>) => {
      const result = findNodes(index, event.target.value);
      setFilter(result);
      if (result === null) return;
      // Open the branches that lead to a match, so the filtered tree shows it in place.
      const missing = [...result.visible].filter(
        (id) => !expanded.has(id) && hasVisibleChild(index, id, result),
      );
      if (missing.length > 0) setExpandedIds([...expanded, ...missing]);
    };

    const filterId = `${baseId}-filter`;
    const filterStatusId = `${baseId}-filter-status`;

    return (
      <div
        {...divProps}
        ref={forwardedRef}
        className={['awcw-tree', className].filter(Boolean).join(' ')}
        data-disabled={disabled ? '' : undefined}
      >
        {filterable ? (
          <div className="awcw-tree-filter">
            <label className="awcw-label" htmlFor={filterId}>
              {messages.treeFilterLabel}
            </label>
            <input
              id={filterId}
              className="awcw-input"
              type="search"
              autoComplete="off"
              spellCheck={false}
              placeholder={messages.treeFilterPlaceholder}
              value={filter?.query ?? ''}
              onChange={handleFilterChange}
              aria-describedby={filterStatusId}
            />
            <p id={filterStatusId} className="awcw-tree-filter-status" aria-live="polite">
              {filter === null
                ? null
                : filter.total > MAX_FILTER_MATCHES
                  ? messages.treeFilterTruncated({ shown: MAX_FILTER_MATCHES, count: filter.total })
                  : messages.treeFilterMatches({ count: filter.total })}
            </p>
          </div>
        ) : null}
        <ul
          role="tree"
          className="awcw-tree-list"
          aria-label={label ?? messages.treeLabel}
          aria-multiselectable="true"
          aria-disabled={disabled || undefined}
          onKeyDown={handleKeyDown}
        >
          {rows.map((row) => {
            const node = index.nodes.get(row.id);
            if (!node) return null;
            const scope = getNodeScope(row.id);
            return (
              <TreeRow
                key={row.id}
                domId={`${baseId}-${row.id}`}
                node={node}
                level={row.level}
                posinset={row.posinset}
                setsize={row.setsize}
                expanded={node.childIds.length > 0 ? expanded.has(row.id) : undefined}
                checkState={scope.checkState}
                reason={scope.reason}
                selectable={scope.selectable && !disabled}
                isManagementAccount={scope.isManagementAccount}
                tabbable={row.id === tabStopId}
                match={filter?.matches.has(row.id) ?? false}
                messages={messages}
                onToggleSelection={toggleSelection}
                onSetOpen={setBranchOpen}
                onFocusRow={setFocusedId}
                registerRow={registerRow}
              />
            );
          })}
        </ul>
      </div>
    );
  },
);

OrganizationTree.displayName = TREE_NAME;

/* -------------------------------------------------------------------------------------------------
 * TreeRow
 * -----------------------------------------------------------------------------------------------*/

interface TreeRowProps {
  domId: string;
  node: OrganizationNode;
  level: number;
  posinset: number;
  setsize: number;
  /** `undefined` for nodes without children. */
  expanded: boolean | undefined;
  checkState: CheckState;
  reason: ScopeReason;
  selectable: boolean;
  isManagementAccount: boolean;
  tabbable: boolean;
  match: boolean;
  messages: Messages;
  onToggleSelection: (id: string) => void;
  onSetOpen: (id: string, open: boolean) => void;
  onFocusRow: (id: string) => void;
  registerRow: (id: string, element: HTMLLIElement | null) => void;
}

const TreeRow = React.memo(function TreeRow(props: TreeRowProps) {
  const { domId, node, expanded, checkState, reason, selectable, messages } = props;
  const { onToggleSelection, onSetOpen, onFocusRow, registerRow } = props;
  const account = node.account;
  const ref = React.useCallback(
    (element: HTMLLIElement | null) => registerRow(node.id, element),
    [registerRow, node.id],
  );

  const handleClick = (event: React.MouseEvent<HTMLLIElement>) => {
    const part = (event.target as HTMLElement).closest('[data-part]')?.getAttribute('data-part');
    if (part === 'chevron' && expanded !== undefined) onSetOpen(node.id, !expanded);
    else if (part !== 'chevron') onToggleSelection(node.id);
  };

  const accountState = account && account.state !== 'ACTIVE' ? account.state : null;
  const tag =
    reason === 'excluded'
      ? messages.treeExcludedTag
      : reason === 'managementAccountExcluded'
        ? messages.treeNotIncludedTag
        : null;

  return (
    // The tree handles the keys for every row (one roving tab stop, as the WAI-ARIA tree pattern
    // asks), and rows carry aria-checked, not aria-selected: ARIA 1.2 requires neither on a
    // treeitem, and the authoring practices use aria-checked for trees of check boxes.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <li
      ref={ref}
      id={domId}
      // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
      role="treeitem"
      className="awcw-tree-item"
      data-node-id={node.id}
      data-kind={node.kind}
      data-state={checkState}
      data-reason={reason}
      data-match={props.match ? '' : undefined}
      data-disabled={selectable ? undefined : ''}
      aria-level={props.level}
      aria-posinset={props.posinset}
      aria-setsize={props.setsize}
      aria-expanded={expanded}
      aria-checked={checkState === 'indeterminate' ? 'mixed' : checkState === 'checked'}
      aria-disabled={selectable ? undefined : true}
      aria-labelledby={`${domId}-name`}
      aria-describedby={`${domId}-meta`}
      tabIndex={props.tabbable ? 0 : -1}
      style={{ '--awcw-tree-level': props.level - 1 } as React.CSSProperties}
      onClick={handleClick}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(node.id);
      }}
    >
      <span className="awcw-tree-row">
        <span
          className="awcw-tree-chevron"
          data-part="chevron"
          data-state={expanded === undefined ? 'leaf' : expanded ? 'open' : 'closed'}
          aria-hidden="true"
        >
          {expanded === undefined ? null : <ChevronIcon />}
        </span>
        <CheckboxVisual state={checkState} />
        <span className="awcw-tree-text">
          <span id={`${domId}-name`} className="awcw-tree-name">
            {node.name}
          </span>
          <span id={`${domId}-meta`} className="awcw-tree-meta">
            {interleave([
              <span key="id" className="awcw-mono">
                {node.id}
              </span>,
              account ? (
                <span key="email" className="awcw-tree-email">
                  {account.email}
                </span>
              ) : null,
              node.kind !== 'account' ? (
                <span key="count">{messages.treeAccountCount({ count: node.accountCount })}</span>
              ) : null,
              props.isManagementAccount ? (
                <span key="management" className="awcw-badge" data-tone="accent">
                  {messages.treeManagementAccountBadge}
                </span>
              ) : null,
              accountState ? (
                <span key="state" className="awcw-badge" data-tone="warning">
                  {accountStateLabel(accountState, messages)}
                </span>
              ) : null,
              tag ? (
                <span key="tag" className="awcw-badge" data-tone="muted">
                  {tag}
                </span>
              ) : null,
            ])}
          </span>
        </span>
      </span>
    </li>
  );
});

/* -------------------------------------------------------------------------------------------------
 * CheckboxVisual
 * -----------------------------------------------------------------------------------------------*/

/** Draws Radix Checkbox's look for a node whose checked state lives on the treeitem. */
function CheckboxVisual({ state }: { state: CheckState }) {
  return (
    <span className="awcw-checkbox" data-part="checkbox" data-state={state} aria-hidden="true">
      {state === 'checked' ? (
        <svg viewBox="0 0 16 16" width="12" height="12" focusable="false">
          <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      ) : state === 'indeterminate' ? (
        <svg viewBox="0 0 16 16" width="12" height="12" focusable="false">
          <path d="M4 8h8" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      ) : null}
    </span>
  );
}

function ChevronIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" focusable="false">
      <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.75" />
    </svg>
  );
}

/* -----------------------------------------------------------------------------------------------*/

function collectRows(
  index: OrganizationIndex,
  expanded: ReadonlySet<string>,
  filter: FilterResult | null,
): VisibleRow[] {
  const rows: VisibleRow[] = [];
  // Below a matching node everything shows, so a found OU can be explored while filtering.
  const visit = (
    id: string,
    level: number,
    posinset: number,
    setsize: number,
    inMatch: boolean,
  ) => {
    rows.push({ id, level, posinset, setsize });
    const node = index.nodes.get(id);
    if (!node || !expanded.has(id)) return;
    const showAll = filter === null || inMatch || filter.matches.has(id);
    const children = showAll ? node.childIds : node.childIds.filter((c) => filter.visible.has(c));
    children.forEach((child, i) =>
      visit(child, level + 1, i + 1, children.length, showAll && filter !== null),
    );
  };
  if (index.nodes.has(index.rootId)) visit(index.rootId, 1, 1, 1, false);
  return rows;
}

function findNodes(index: OrganizationIndex, rawQuery: string): FilterResult | null {
  const query = rawQuery.trim().toLocaleLowerCase();
  if (query === '') return null;
  const matches = new Set<string>();
  let total = 0;
  for (const node of index.nodes.values()) {
    const hit =
      node.name.toLocaleLowerCase().includes(query) ||
      node.id.toLowerCase().includes(query) ||
      (node.account?.email.toLocaleLowerCase().includes(query) ?? false);
    if (!hit) continue;
    total++;
    if (matches.size < MAX_FILTER_MATCHES) matches.add(node.id);
  }
  const visible = new Set<string>(matches);
  for (const id of matches) {
    for (
      let parent = index.nodes.get(id)?.parentId;
      parent;
      parent = index.nodes.get(parent)?.parentId
    ) {
      if (visible.has(parent) && !matches.has(parent)) break;
      visible.add(parent);
    }
  }
  return { query: rawQuery, visible, matches, total };
}

/** Whether a node lies on the way to a match, so it must be open to show it. */
function hasVisibleChild(index: OrganizationIndex, id: string, filter: FilterResult): boolean {
  return index.nodes.get(id)?.childIds.some((child) => filter.visible.has(child)) ?? false;
}

/** Spaces between the parts, so the row's description reads as words, not one run of text. */
function interleave(parts: React.ReactNode[]): React.ReactNode[] {
  return parts.filter(Boolean).flatMap((part, i) => (i === 0 ? [part] : [' ', part]));
}

function accountStateLabel(state: AccountState, messages: Messages): string {
  switch (state) {
    case 'PENDING_ACTIVATION':
      return messages.accountStatePendingActivation;
    case 'SUSPENDED':
      return messages.accountStateSuspended;
    case 'PENDING_CLOSURE':
      return messages.accountStatePendingClosure;
    case 'CLOSED':
      return messages.accountStateClosed;
    default:
      return messages.accountStateActive;
  }
}

export { OrganizationTree };
export type { OrganizationTreeProps };
