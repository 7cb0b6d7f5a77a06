/**
 * Form fields in USWDS order: label, hint, error message, control. The hint and the error are tied
 * to the control with aria-describedby; an error sets aria-invalid and the group's error styling.
 *
 * These are shared components (no 'use client'): server pages render them inside a <form action>,
 * and client forms can spread react-hook-form's register() onto them (ref is a prop in React 19).
 * Pass what the user typed back as `defaultValue` after a failed submit so nothing is lost.
 */
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { cx } from './class-names';

export interface FieldProps {
  /** The control's id. Error summary entries link to `#${id}`. */
  id: string;
  /** Form field name; defaults to `id`. */
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The translated error message for this field, if any. */
  error?: string;
  /** Adds "(optional)" to the label. Fields are required unless marked optional. */
  optional?: boolean;
  /** Render the label as the page's h1 (one question per page). */
  pageHeading?: boolean;
  /** Extra classes for the outer group. */
  groupClassName?: string;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The aria-describedby value for a control with this hint and error, or undefined when neither. */
export function describedBy(id: string, hint?: ReactNode, error?: string, extra?: string): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Label({
  htmlFor,
  children,
  optional,
  pageHeading,
  className,
}: {
  htmlFor: string;
  children: ReactNode;
  optional?: boolean;
  pageHeading?: boolean;
  className?: string;
}) {
  const t = useTranslations('ui');
  const label = (
    <label
      htmlFor={htmlFor}
      className={cx('label', pageHeading && 'label-heading', className)}
    >
      {children}
      {optional ? <span className="font-normal"> {t('optional')}</span> : null}
    </label>
  );
  return pageHeading ? <h1 className="mb-2">{label}</h1> : label;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const t = useTranslations('ui');
  return (
    <p id={id} className="error-message">
      <span className="sr-only">{t('errorPrefix')} </span>
      {children}
    </p>
  );
}

/** The outer wrapper: spacing, and the red bar at the left when the field has an error. */
export function FormGroupShell({ error, className, children }: { error?: string; className?: string; children: ReactNode }) {
  return (
    <div className={cx('form-group', error && 'form-group-error', className)}>{children}</div>
  );
}

export interface ControlA11y {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** The control's id and ARIA attributes, only those that apply (every attribute is sent twice: the HTML and the page's payload). */
export function controlA11y(id: string, hint?: ReactNode, error?: string): ControlA11y {
  const describedby = describedBy(id, hint, error);
  return { id, ...(describedby ? { 'aria-describedby': describedby } : {}), ...(error ? { 'aria-invalid': true as const } : {}) };
}

/**
 * Label, hint and error around any control. `children` receives the id and ARIA attributes to put
 * on the control: <FormGroup id="x" label="…">{(a11y) => <input {...a11y} name="x" />}</FormGroup>.
 */
export function FormGroup({
  id,
  label,
  hint,
  error,
  optional,
  pageHeading,
  groupClassName,
  children,
}: Omit<FieldProps, 'name'> & { children: (a11y: ControlA11y) => ReactNode }) {
  return (
    <FormGroupShell error={error} className={groupClassName}>
      <Label htmlFor={id} optional={optional} pageHeading={pageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId(id)}>{error}</ErrorMessage> : null}
      {children(controlA11y(id, hint, error))}
    </FormGroupShell>
  );
}

export type InputWidth = '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl' | '2xl' | 'full';

/** Narrower fields for shorter answers; 'full' is the design system's default (`.input`, app/globals.css). */
const widths: Record<InputWidth, string | undefined> = {
  '2xs': 'max-w-[7ex]',
  xs: 'max-w-[11ex]',
  sm: 'max-w-[15ex]',
  md: 'max-w-[22ex]',
  lg: 'max-w-[32ex]',
  xl: 'max-w-[42ex]',
  '2xl': 'max-w-[52ex]',
  full: undefined,
};

export function controlClasses(error?: string, width: InputWidth = 'full', className?: string) {
  return cx('input', widths[width], error && 'input-error', className);
}

export type TextInputProps = FieldProps &
  Omit<ComponentPropsWithRef<'input'>, 'id' | 'name' | 'children' | 'width'> & {
    /** Visual width hint for the expected answer (USWDS input widths). */
    width?: InputWidth;
  };

/** A labelled text input (type text, email, tel, number …). */
export function TextInput({
  id,
  name,
  label,
  hint,
  error,
  optional,
  pageHeading,
  groupClassName,
  width,
  className,
  type = 'text',
  ...rest
}: TextInputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} optional={optional} pageHeading={pageHeading} groupClassName={groupClassName}>
      {(a11y) => (
        <input
          name={name ?? id}
          type={type}
          className={controlClasses(error, width, className)}
          {...rest}
          {...a11y}
        />
      )}
    </FormGroup>
  );
}

export type TextareaProps = FieldProps & Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'name' | 'children'>;

/** A labelled multi-line input. Prefer a hint stating any length limit over maxLength (which cuts pasted text silently). */
export function Textarea({ id, name, label, hint, error, optional, pageHeading, groupClassName, className, rows = 5, ...rest }: TextareaProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} optional={optional} pageHeading={pageHeading} groupClassName={groupClassName}>
      {(a11y) => (
        <textarea name={name ?? id} rows={rows} className={controlClasses(error, 'full', className)} {...rest} {...a11y} />
      )}
    </FormGroup>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectProps = FieldProps &
  Omit<ComponentPropsWithRef<'select'>, 'id' | 'name' | 'children'> & {
    options: SelectOption[];
    /** Text of a first empty option ("- Select -" by default); pass null for none. */
    placeholder?: string | null;
    width?: InputWidth;
  };

/** A labelled drop-down. Prefer radios for fewer than about seven options. */
export function Select({
  id,
  name,
  label,
  hint,
  error,
  optional,
  pageHeading,
  groupClassName,
  options,
  placeholder,
  width,
  className,
  ...rest
}: SelectProps) {
  const t = useTranslations('ui');
  const empty = placeholder === undefined ? t('selectPlaceholder') : placeholder;
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} optional={optional} pageHeading={pageHeading} groupClassName={groupClassName}>
      {(a11y) => (
        <select name={name ?? id} className={controlClasses(error, width, className)} {...rest} {...a11y}>
          {empty !== null ? <option value="">{empty}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} {...(option.disabled ? { disabled: true } : {})}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}
