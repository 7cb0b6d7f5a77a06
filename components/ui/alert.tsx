import type { ReactNode } from 'react';
import { cx } from './class-names';

export type AlertType = 'info' | 'success' | 'warning' | 'error';

const styles: Record<AlertType, { box: string; icon: string }> = {
  info: { box: 'border-info bg-info-lighter', icon: 'text-base-darkest' },
  success: { box: 'border-success bg-success-lighter', icon: 'text-success-darker' },
  warning: { box: 'border-warning bg-warning-lighter', icon: 'text-base-darkest' },
  error: { box: 'border-error bg-error-lighter', icon: 'text-error' },
};

const icons: Record<AlertType, ReactNode> = {
  info: <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z" />,
  success: <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-2 15-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9Z" />,
  warning: <path d="M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z" />,
  error: <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" />,
};

export interface AlertProps {
  type: AlertType;
  /** Short heading; omit for a one-line ("slim") alert. */
  heading?: ReactNode;
  /** Heading level that fits the page outline (default 2). */
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  /**
   * Only for alerts that appear after the page loaded: "status" (polite) for news such as
   * "Request sent", "alert" for problems. Alerts present on page load need no role.
   */
  role?: 'status' | 'alert';
  className?: string;
}

/** A USWDS alert: a coloured bar, an icon, an optional heading and a short body. */
export function Alert({ type, heading, headingLevel = 2, children, role, className }: AlertProps) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <div {...(role ? { role } : {})} className={cx('my-6 flex max-w-[48rem] gap-3 border-l-8 px-5 py-4', styles[type].box, className)}>
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        className={cx('mt-0.5 size-6 shrink-0 fill-current', styles[type].icon)}
      >
        {icons[type]}
      </svg>
      <div className="min-w-0 [&>*:last-child]:mb-0">
        {heading ? <Heading className="mt-0 mb-2 text-[1.3125rem] leading-snug">{heading}</Heading> : null}
        {typeof children === 'string' ? <p>{children}</p> : children}
      </div>
    </div>
  );
}
