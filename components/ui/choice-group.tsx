/**
 * Radios and checkboxes in a fieldset, USWDS order: legend, hint, error message, options. The first
 * option's id is the group's `id`, so an error summary entry `#${id}` lands on the first option.
 * Shared components (no 'use client'), like form-group.tsx.
 */
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { cx } from './class-names';
import { ErrorMessage, FormGroupShell, Hint, describedBy, errorId, hintId } from './form-group';

export interface FieldsetProps {
  /** Used for the hint and error ids (`${id}-hint`, `${id}-error`). */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** Render the legend as the page's h1 (one question per page). */
  pageHeading?: boolean;
  groupClassName?: string;
  children: ReactNode;
}

/** A fieldset with legend, hint and error, for any group of related controls (e.g. a date in three parts). */
export function Fieldset({ id, legend, hint, error, optional, pageHeading, groupClassName, children }: FieldsetProps) {
  const t = useTranslations('ui');
  const legendText = (
    <>
      {legend}
      {optional ? <span className="font-normal"> {t('optional')}</span> : null}
    </>
  );
  return (
    <FormGroupShell error={error} className={groupClassName}>
      <fieldset aria-describedby={describedBy(id, hint, error)} className="m-0 min-w-0 border-0 p-0">
        <legend className={cx('max-w-[30rem] p-0', pageHeading ? 'mb-2' : 'font-bold')}>
          {pageHeading ? <h1 className="mb-0">{legendText}</h1> : legendText}
        </legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={errorId(id)}>{error}</ErrorMessage> : null}
        {children}
      </fieldset>
    </FormGroupShell>
  );
}

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

type ChoiceGroupProps = Omit<FieldsetProps, 'children'> & {
  /** Field name; defaults to `id`. */
  name?: string;
  options: ChoiceOption[];
  /** Lay options side by side (short answers such as Yes / No). */
  inline?: boolean;
  /** Extra attributes for every input (e.g. react-hook-form's register()). */
  inputProps?: Omit<ComponentPropsWithRef<'input'>, 'type' | 'id' | 'value' | 'defaultChecked'>;
};

export type RadioGroupProps = ChoiceGroupProps & { defaultValue?: string; required?: boolean };
export type CheckboxGroupProps = ChoiceGroupProps & { defaultValue?: string[] };

const optionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

function Choice({
  type,
  id,
  name,
  option,
  checked,
  invalid,
  required,
  inputProps,
}: {
  type: 'radio' | 'checkbox';
  id: string;
  name: string;
  option: ChoiceOption;
  checked: boolean;
  invalid: boolean;
  required?: boolean;
  inputProps?: ChoiceGroupProps['inputProps'];
}) {
  const optionHint = option.hint ? `${id}-item-hint` : undefined;
  return (
    <div className="flex items-start gap-3 py-1.5">
      <input
        type={type}
        id={id}
        name={name}
        value={option.value}
        defaultChecked={checked}
        disabled={option.disabled}
        required={required}
        aria-describedby={optionHint}
        aria-invalid={invalid || undefined}
        className="mt-0.5 size-6 shrink-0 cursor-pointer accent-primary"
        {...inputProps}
      />
      <div>
        <label htmlFor={id} className="inline-block min-h-6 cursor-pointer">
          {option.label}
        </label>
        {option.hint ? (
          <div id={optionHint} className="text-base-dark">
            {option.hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function ChoiceGroup({
  type,
  id,
  name,
  options,
  inline,
  inputProps,
  selected,
  required,
  ...fieldset
}: ChoiceGroupProps & { type: 'radio' | 'checkbox'; selected: string[]; required?: boolean }) {
  return (
    <Fieldset id={id} {...fieldset}>
      <div className={cx('mt-2', inline ? 'flex flex-wrap gap-x-8' : 'flex flex-col')}>
        {options.map((option, index) => (
          <Choice
            key={option.value}
            type={type}
            id={optionId(id, index)}
            name={name ?? id}
            option={option}
            checked={selected.includes(option.value)}
            invalid={Boolean(fieldset.error)}
            required={required}
            inputProps={inputProps}
          />
        ))}
      </div>
    </Fieldset>
  );
}

/** One answer from a short list. */
export function RadioGroup({ defaultValue, ...props }: RadioGroupProps) {
  return <ChoiceGroup type="radio" selected={defaultValue ? [defaultValue] : []} {...props} />;
}

/** Any number of answers from a list; each checked box posts `name=value`. */
export function CheckboxGroup({ defaultValue, ...props }: CheckboxGroupProps) {
  return <ChoiceGroup type="checkbox" selected={defaultValue ?? []} {...props} />;
}

export type CheckboxProps = Omit<ComponentPropsWithRef<'input'>, 'type' | 'id' | 'children'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  groupClassName?: string;
};

/** A single yes/no checkbox (e.g. "Text me before you call"). Posts `name=on` (or `value`) when checked. */
export function Checkbox({ id, name, label, hint, error, groupClassName, className, ...rest }: CheckboxProps) {
  return (
    <FormGroupShell error={error} className={groupClassName}>
      {error ? <ErrorMessage id={errorId(id)}>{error}</ErrorMessage> : null}
      <div className="flex items-start gap-3 py-1.5">
        <input
          type="checkbox"
          id={id}
          name={name ?? id}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
          className={cx('mt-0.5 size-6 shrink-0 cursor-pointer accent-primary', className)}
          {...rest}
        />
        <div>
          <label htmlFor={id} className="inline-block min-h-6 cursor-pointer">
            {label}
          </label>
          {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        </div>
      </div>
    </FormGroupShell>
  );
}
