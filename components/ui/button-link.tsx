import type { ComponentProps } from 'react';
import { Link } from '@/lib/i18n/link';
import { buttonClasses, type ButtonVariant } from './button';

export type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: Exclude<ButtonVariant, 'danger'> };

/** A link that looks like a button ("Start now"), in the page's language. */
export function ButtonLink({ variant = 'primary', className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonClasses(variant, className)} {...rest} />;
}
