// The one e-mail pattern the importers use to find a reporter's address in a byline, a sign-off or
// a contact field, so a web page, a DOCX, NITF, ninjs and pasted copy all pick out the same address.

/** The pattern's source, for a larger pattern that holds an address (no groups of its own to capture). */
export const EMAIL_SOURCE = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+';

/** Global, for match/replace; use hasEmail()/isEmail() to test (a global regex keeps state between tests). */
export const EMAIL = new RegExp(EMAIL_SOURCE, 'g');
const WHOLE = new RegExp(`^${EMAIL_SOURCE}$`);

/** Whether `text` contains an e-mail address anywhere. */
export const hasEmail = (text: string): boolean => text.search(EMAIL) >= 0;

/** Whether `text` (trimmed) is exactly one e-mail address. */
export const isEmail = (text: string): boolean => WHOLE.test(text.trim());

/** The first e-mail address in `text`, '' if none. */
export const firstEmail = (text: string): string => text.match(EMAIL)?.[0] ?? '';
