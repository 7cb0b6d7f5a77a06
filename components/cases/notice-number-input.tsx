import { TextInput, type TextInputProps } from '@/components/ui/form-group';

/**
 * A field for a number or code copied from a paper notice (a receipt number, an access code): no
 * autofill or spell check, capitals on phone keyboards, wide enough for the printed groups.
 */
export function NoticeNumberInput(props: TextInputProps) {
  return <TextInput width="lg" autoComplete="off" autoCapitalize="characters" spellCheck={false} {...props} />;
}
