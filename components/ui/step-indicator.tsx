
import { cx } from './class-names';
import { useTranslations } from '@/lib/i18n/server';

export interface StepIndicatorProps {
  /** The names of all steps, in order. */
  steps: string[];
  /** The current step, counting from 1. */
  current: number;
  /** Heading level for "Step 2 of 4: Name" (default 2). */
  headingLevel?: 2 | 3;
}

/**
 * The USWDS step indicator for multi-page forms: a segmented bar with the step names, and a
 * heading that reads "Step 2 of 4: Household status". Each segment tells screen readers whether it
 * is completed; the current one has aria-current="step".
 */
export function StepIndicator({ steps, current, headingLevel = 2 }: StepIndicatorProps) {
  const t = useTranslations('ui.stepIndicator');
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const total = steps.length;
  const at = Math.min(Math.max(current, 1), total);

  return (
    <div className="mb-8">
      <ol aria-label={t('label')} className="m-0 flex list-none gap-0.5 p-0">
        {steps.map((step, index) => {
          const state = index + 1 < at ? 'complete' : index + 1 === at ? 'current' : 'upcoming';
          return (
            <li
              key={step}
              aria-current={state === 'current' ? 'step' : undefined}
              className={cx(
                'flex-1 border-t-8 pt-2 text-[0.9375rem] leading-snug',
                state === 'complete' && 'border-primary-dark text-base-darkest',
                state === 'current' && 'border-primary font-bold text-primary',
                state === 'upcoming' && 'border-base-lighter text-base-dark',
              )}
            >
              <span className="max-sm:sr-only">
                {step}
                {state !== 'current' ? (
                  <span className="sr-only"> ({state === 'complete' ? t('completed') : t('notCompleted')})</span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
      <Heading className="mt-4 mb-0 flex items-center gap-2 text-[1.3125rem]">
        <span className="sr-only">{t('counter', { current: at, total })}:</span>
        <span aria-hidden="true" className="flex items-baseline gap-1 font-normal">
          <span className="inline-flex size-9 items-center justify-center rounded-full bg-primary font-bold text-white">
            {at}
          </span>
          <span className="text-base-dark">{t('ofTotal', { total })}</span>
        </span>
        <span>{steps[at - 1]}</span>
      </Heading>
    </div>
  );
}
