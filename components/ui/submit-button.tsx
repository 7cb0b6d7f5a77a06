'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from './button';

/**
 * A submit button that refuses a second click while its form is being sent (with JavaScript on).
 * It stays focusable and announced: aria-disabled rather than disabled.
 */
export function SubmitButton({ onClick, ...rest }: Omit<ButtonProps, 'type'>) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else onClick?.(event);
      }}
      {...rest}
    />
  );
}
