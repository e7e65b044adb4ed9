/**
 * A fieldset's legend. By default a field label; with `headingLevel` the legend holds a heading,
 * so a group that forms a section of the page has one visible title that is both its heading
 * and its accessible name, rather than a heading above a label saying the same thing.
 * https://www.w3.org/WAI/tutorials/forms/grouping/
 */
import type * as React from 'react';

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

interface LegendProps {
  /** Renders the text as a heading of this level inside the legend. */
  headingLevel?: HeadingLevel;
  children: React.ReactNode;
}

function Legend({ headingLevel, children }: LegendProps) {
  if (headingLevel === undefined) return <legend className="awcw-label">{children}</legend>;
  const Heading = `h${headingLevel}` as const;
  return (
    <legend className="awcw-legend-heading">
      <Heading className="awcw-section-title">{children}</Heading>
    </legend>
  );
}

export { Legend };
export type { HeadingLevel, LegendProps };
