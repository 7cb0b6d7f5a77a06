/**
 * How people reach the Contact Center by phone, where a page sends them when something cannot be
 * done online. Set by the agency (CONTACT_CENTER_PHONE); the demo's number is a fictional 555 one.
 */
export const contactCenterPhone = (): string => process.env.CONTACT_CENTER_PHONE || '800-555-0142';
