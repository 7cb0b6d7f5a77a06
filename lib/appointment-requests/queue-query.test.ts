import { describe, expect, it } from 'vitest';
import { parseQueueQuery } from './queue-query';

describe('the queue address', () => {
  it('defaults to the requests to review, first page', () => {
    const query = parseQueueQuery({});
    expect(query).toMatchObject({ status: 'to_review', filtered: false, filters: { statuses: undefined, reason: undefined, fieldOfficeId: undefined, page: 1 } });
    expect(query.withPage(2)).toBe('page=2');
  });

  it('reads status, reason, office and page, and writes them back for other pages', () => {
    const query = parseQueueQuery({ status: 'more_info_needed', reason: 'other', office: '7', page: '3' });
    expect(query.filters).toEqual({ statuses: ['more_info_needed'], reason: 'other', fieldOfficeId: 7, page: 3 });
    expect(query.filtered).toBe(true);
    expect(query.withPage(4)).toBe('status=more_info_needed&reason=other&office=7&page=4');
    expect(parseQueueQuery({ status: 'all' }).filters.statuses).toHaveLength(6);
  });

  it('ignores what is not one of its values', () => {
    const query = parseQueueQuery({ status: 'open; drop table', reason: ['adit_stamp', 'other'], office: '-1', page: '1e9' });
    expect(query.filters).toEqual({ statuses: undefined, reason: 'adit_stamp', fieldOfficeId: undefined, page: 1e9 });
    expect(parseQueueQuery({ office: '1.5', page: '0', reason: 'vacation' }).filters).toEqual({ statuses: undefined, reason: undefined, fieldOfficeId: undefined, page: 1 });
  });
});
