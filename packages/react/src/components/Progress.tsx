/**
 * A progress bar for work that can take minutes (creating the connection). With no value it is
 * indeterminate, as WAI-ARIA describes for `progressbar` without `aria-valuenow`.
 * https://www.w3.org/TR/wai-aria-1.2/#progressbar
 */
import * as React from 'react';

const PROGRESS_NAME = 'Progress';

type ProgressState = 'indeterminate' | 'loading' | 'complete';

type ProgressElement = React.ComponentRef<'div'>;

interface ProgressProps extends Omit<React.ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Accessible name and visible caption of the bar. */
  label: string;
  /** How far the work is, from 0 to `max`; `null` when unknown. @default null */
  value?: number | null;
  /** The value that means done. @default 100 */
  max?: number;
  /** A readable form of the value, e.g. "3 of 12 accounts". */
  valueText?: string;
}

const Progress = React.forwardRef<ProgressElement, ProgressProps>(function Progress(props, ref) {
  const { label, value = null, max = 100, valueText, className, ...divProps } = props;
  const labelId = React.useId();
  const clamped = value === null ? null : Math.min(Math.max(value, 0), max);
  const state: ProgressState =
    clamped === null ? 'indeterminate' : clamped >= max ? 'complete' : 'loading';

  return (
    <div {...divProps} ref={ref} className={['awcw-progress', className].filter(Boolean).join(' ')}>
      <div className="awcw-progress-caption">
        <span id={labelId}>{label}</span>
        {valueText ? <span className="awcw-muted">{valueText}</span> : null}
      </div>
      <div
        role="progressbar"
        className="awcw-progress-track"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={clamped ?? undefined}
        aria-valuetext={valueText}
        data-state={state}
        data-value={clamped ?? undefined}
        data-max={max}
      >
        <div
          className="awcw-progress-indicator"
          style={clamped === null ? undefined : { width: `${(clamped / max) * 100}%` }}
        />
      </div>
    </div>
  );
});

Progress.displayName = PROGRESS_NAME;

export { Progress };
export type { ProgressProps };
