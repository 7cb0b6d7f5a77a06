import type { ReactNode } from 'react';
import { RadioGroup, type ChoiceOption } from '@/components/ui/choice-group';
import { Button } from '@/components/ui/button';
import { chooseTimeAction } from '@/lib/biometrics/reschedule-actions';

/**
 * The open times of a week: one group per day, each time a radio, posted plainly to the server (a
 * server component: the list is long, and a client form would send it twice). The error summary's
 * link lands on the first time.
 */
export function TimeChoiceForm({
  receiptNumber,
  week,
  legend,
  hint,
  error,
  days,
  chosen,
  submit,
}: {
  receiptNumber: string;
  week: number;
  legend: ReactNode;
  hint: ReactNode;
  error?: string;
  days: { date: string; label: string; options: ChoiceOption[] }[];
  chosen?: string;
  submit: string;
}) {
  return (
    <form action={chooseTimeAction} noValidate className="max-w-[40rem]">
      <input type="hidden" name="receiptNumber" value={receiptNumber} />
      <input type="hidden" name="week" value={week} />
      <fieldset className="m-0 min-w-0 border-0 p-0" aria-describedby={error ? 'slotId-error slotId-hint' : 'slotId-hint'}>
        <legend className="mb-2 p-0">
          <h1 className="mb-0">{legend}</h1>
        </legend>
        <p id="slotId-hint" className="hint">
          {hint}
        </p>
        {error ? (
          <p id="slotId-error" className="error-message">
            {error}
          </p>
        ) : null}
        {days.map((day, index) => (
          <RadioGroup
            key={day.date}
            id={index === 0 ? 'slotId' : `slotId-${day.date}`}
            name="slotId"
            legend={day.label}
            options={day.options}
            defaultValue={chosen}
            groupClassName="mt-6"
          />
        ))}
      </fieldset>
      <Button className="mt-8">{submit}</Button>
    </form>
  );
}
