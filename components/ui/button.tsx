import type { ButtonHTMLAttributes } from 'react';
import { cx } from './class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'unstyled';

/** The design system's button classes (app/globals.css): one short class per variant. */
const variants: Record<ButtonVariant, string> = {
  primary: 'button',
  secondary: 'button button-secondary',
  danger: 'button button-danger',
  unstyled: 'button button-unstyled',
};

export function buttonClasses(variant: ButtonVariant = 'primary', className?: string): string {
  return cx(variants[variant], className);
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
