'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { controlClasses, ErrorMessage, errorId } from '@/components/ui/form-group';
import { saveCapacitiesAction } from '@/lib/biometrics/capacity-actions';
import type { FormState } from '@/lib/forms/form-state';

export interface CapacityRow {
  id: number;
  time: string;
  booked: number;
  capacity: number;
  closed: boolean;
}

/**
 * One day's times as a table with each slot's capacity in a field, and "Save capacities". A refusal
 * (below the seats booked) names the slot's field and keeps every number typed. Works without JavaScript.
 */
export function CapacityDayForm({ ascId, week, caption, zone, rows }: { ascId: number; week: string; caption: string; zone: string; rows: CapacityRow[] }) {
  const t = useTranslations('capacity');
  const fields = rows.map((row) => `capacity-${row.id}`);
  return (
    <ActionForm action={saveCapacitiesAction} fields={fields}>
      {(state: FormState) => (
        <>
          <input type="hidden" name="ascId" value={ascId} />
          <input type="hidden" name="week" value={week} />
          <div className="table-scroll">
            <table className="data-table">
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.time', { zone })}</th>
                  <th scope="col">{t('table.state')}</th>
                  <th scope="col">{t('table.booked')}</th>
                  <th scope="col">{t('table.capacity')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const name = `capacity-${row.id}`;
                  const error = state.fieldErrors?.[name];
                  return (
                    <tr key={row.id}>
                      <th scope="row">{row.time}</th>
                      <td>{row.closed ? t('day.closed') : t('day.open')}</td>
                      <td>{row.booked}</td>
                      <td>
                        {error ? <ErrorMessage id={errorId(name)}>{error}</ErrorMessage> : null}
                        <input
                          id={name}
                          name={name}
                          type="text"
                          inputMode="numeric"
                          aria-label={t('table.capacityOf', { time: row.time })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId(name) : undefined}
                          defaultValue={state.values?.[name] ?? String(row.capacity)}
                          className={controlClasses(error, '2xs')}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <SubmitButton className="mt-4">{t('save')}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
