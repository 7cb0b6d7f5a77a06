import type { ButtonHTMLAttributes } from 'react';
import { cx } from './class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'unstyled';

const base =
  'inline-flex items-center justify-center gap-2 rounded font-bold leading-tight no-underline cursor-pointer ' +
  'disabled:cursor-not-allowed aria-disabled:cursor-not-allowed';

/** Every variant except `unstyled` is at least 44px tall; `unstyled` still gives a 24px target (WCAG 2.2). */
const variants: Record<ButtonVariant, string> = {
  primary:
    'min-h-11 px-5 py-2.5 bg-primary text-white visited:text-white hover:bg-primary-dark hover:text-white ' +
    'active:bg-primary-darker disabled:bg-base-lighter disabled:text-base-dark',
  secondary:
    'min-h-11 px-5 py-2.5 bg-white text-primary visited:text-primary ring-2 ring-inset ring-primary ' +
    'hover:text-primary-dark hover:ring-primary-dark hover:bg-primary-lightest active:text-primary-darker ' +
    'disabled:text-base-dark disabled:ring-base-light',
  danger:
    'min-h-11 px-5 py-2.5 bg-error text-white visited:text-white hover:bg-error-dark hover:text-white ' +
    'disabled:bg-base-lighter disabled:text-base-dark',
  unstyled:
    'min-h-6 p-0 bg-transparent font-normal text-primary underline underline-offset-[0.15em] ' +
    'hover:text-primary-dark active:text-primary-darker rounded-none',
};

export function buttonClasses(variant: ButtonVariant = 'primary', className?: string): string {
  return cx(base, variants[variant], className);
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** primary: the one main action of a page; secondary: other actions; danger: destructive actions; unstyled: looks like a link. */
  variant?: ButtonVariant;
};

/**
 * A button. `type` defaults to "submit" (the common case in forms); pass type="button" for buttons
 * that do not submit.
 */
export function Button({ variant = 'primary', className, type = 'submit', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, className)} {...rest} />;
}
