export interface ErrorSummaryItem {
  /** The id of the field (the control, or the first option of a radio/checkbox group). */
  field: string;
  /** The same translated message the field shows inline. */
  message: string;
}

/**
 * Turns an action's `fieldErrors` ({ field: message }) into error summary entries, in the order the
 * fields appear on the page (`order`), or in the object's order. Usable on the server and the client.
 */
export function toErrorSummaryItems(
  fieldErrors: Partial<Record<string, string>> | undefined,
  order?: readonly string[],
): ErrorSummaryItem[] {
  if (!fieldErrors) return [];
  const fields = order ?? Object.keys(fieldErrors);
  return fields.flatMap((field) => {
    const message = fieldErrors[field];
    return message ? [{ field, message }] : [];
  });
}
