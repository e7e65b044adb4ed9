/**
 * What a step shows when there is nothing to work with yet, e.g. no onboarded management account:
 * a title, why, and the host's way forward.
 */
import * as React from 'react';

const EMPTY_STATE_NAME = 'EmptyState';

type EmptyStateElement = React.ComponentRef<'div'>;

interface EmptyStateProps extends Omit<React.ComponentPropsWithoutRef<'div'>, 'title'> {
  /** One line saying what is missing. */
  title: React.ReactNode;
  /** Why, and what the user can do about it. */
  description?: React.ReactNode;
  /** The way forward, usually a link the host provides. */
  action?: React.ReactNode;
  /** A decorative illustration; hidden from assistive technology. */
  icon?: React.ReactNode;
  /** The heading level of the title. @default 3 */
  headingLevel?: 2 | 3 | 4;
}

const EmptyState = React.forwardRef<EmptyStateElement, EmptyStateProps>(
  function EmptyState(props, ref) {
    const { title, description, action, icon, headingLevel = 3, className, ...divProps } = props;
    const Heading = `h${headingLevel}` as const;

    return (
      <div {...divProps} ref={ref} className={['awcw-empty', className].filter(Boolean).join(' ')}>
        {icon ? (
          <div className="awcw-empty-icon" aria-hidden="true">
            {icon}
          </div>
        ) : null}
        <Heading className="awcw-empty-title">{title}</Heading>
        {description ? <div className="awcw-empty-description">{description}</div> : null}
        {action ? <div className="awcw-empty-action">{action}</div> : null}
      </div>
    );
  },
);

EmptyState.displayName = EMPTY_STATE_NAME;

export { EmptyState };
export type { EmptyStateProps };
