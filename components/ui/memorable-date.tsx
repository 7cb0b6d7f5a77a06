/**
 * A date people know by heart (a date of birth) as three boxes, month, day and year, in a fieldset:
 * the USWDS memorable date. The month box's id is the group's `id`, so an error summary entry lands
 * there. Posts `${name}Month`, `${name}Day` and `${name}Year`. Shared component (no 'use client').
 */
import { useTranslations } from 'next-intl';
import { Fieldset } from './choice-group';
import { controlClasses } from './form-group';

export interface MemorableDateProps {
  id: string;
  name?: string;
  legend: string;
  hint?: string;
  error?: string;
  defaultValue?: { month?: string; day?: string; year?: string };
}

export function MemorableDate({ id, name = id, legend, hint, error, defaultValue = {} }: MemorableDateProps) {
  const t = useTranslations('ui.memorableDate');
  const parts = [
    { part: 'Month', boxId: id, label: t('month'), width: 'xs', maxLength: 2, value: defaultValue.month },
    { part: 'Day', boxId: `${id}-day`, label: t('day'), width: 'xs', maxLength: 2, value: defaultValue.day },
    { part: 'Year', boxId: `${id}-year`, label: t('year'), width: 'sm', maxLength: 4, value: defaultValue.year },
  ] as const;
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <div className="mt-2 flex gap-4">
        {parts.map((p) => (
          <div key={p.part}>
            <label htmlFor={p.boxId} className="block">
              {p.label}
            </label>
            <input
              id={p.boxId}
              name={`${name}${p.part}`}
              inputMode="numeric"
              maxLength={p.maxLength}
              defaultValue={p.value}
              aria-invalid={error ? true : undefined}
              className={controlClasses(error, p.width, 'mt-1')}
            />
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
