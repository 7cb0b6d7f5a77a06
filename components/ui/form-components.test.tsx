import { describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { loadMessages } from '@/lib/i18n/messages';
import { TextInput, Textarea, Select } from './form-group';
import { Checkbox, RadioGroup } from './choice-group';
import { ErrorSummary } from './error-summary';
import { toErrorSummaryItems } from './error-summary-items';
import { StepIndicator } from './step-indicator';
import { Table } from './table';

function markup(node: ReactNode, locale: 'en' | 'es' = 'en'): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={loadMessages(locale)} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );
}

/** The attributes of the first `<name …>` tag whose id is `id`, whatever their order. */
function attributesOf(html: string, name: string, id: string): Record<string, string> {
  for (const [, tagName, attrs] of html.matchAll(/<(\w+)([^>]*)>/g)) {
    if (tagName !== name) continue;
    const map = Object.fromEntries([...attrs.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    if (map.id === id) return map;
  }
  throw new Error(`no <${name} id="${id}"> in ${html}`);
}

describe('form group markup', () => {
  it('puts label, hint, error and input in USWDS order and wires aria-describedby', () => {
    const html = markup(
      <TextInput id="receipt" label="Receipt number" hint="13 characters" error="Enter a receipt number" defaultValue="ioe 123" />,
    );
    const order = ['<label', 'id="receipt-hint"', 'id="receipt-error"', '<input'].map((s) => html.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('for="receipt"');
    expect(attributesOf(html, 'input', 'receipt')).toMatchObject({
      name: 'receipt',
      type: 'text',
      value: 'ioe 123',
      'aria-describedby': 'receipt-hint receipt-error',
      'aria-invalid': 'true',
    });
    expect(html).toContain('<span class="sr-only">Error: </span>Enter a receipt number');
  });

  it('leaves out aria-invalid and the error id when the field is fine', () => {
    const html = markup(<TextInput id="email" type="email" label="Email" hint="We send codes here" />);
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('email-error');
    expect(attributesOf(html, 'input', 'email')).toMatchObject({ type: 'email', 'aria-describedby': 'email-hint' });
  });

  it('keeps what was typed in a textarea and a select', () => {
    const area = markup(<Textarea id="explanation" label="Explain" defaultValue="I need to travel" optional />, 'es');
    expect(area).toContain('>I need to travel</textarea>');
    expect(area).toContain('(opcional)');
    const select = markup(
      <Select id="office" label="Office" defaultValue="mia" options={[{ value: 'bos', label: 'Boston' }, { value: 'mia', label: 'Miami' }]} />,
    );
    expect(select).toMatch(/<option value="mia" selected="">Miami<\/option>/);
    expect(select).toContain('<option value="">- Select -</option>');
  });

  it('gives the first radio the group id so the error summary can link to it', () => {
    const html = markup(
      <RadioGroup
        id="reason"
        legend="Reason"
        error="Select a reason"
        defaultValue="eap"
        options={[
          { value: 'adit', label: 'ADIT stamp' },
          { value: 'eap', label: 'Emergency advance parole' },
        ]}
      />,
    );
    expect(html).toMatch(/<fieldset[^>]*aria-describedby="reason-error"/);
    expect(attributesOf(html, 'input', 'reason')).toMatchObject({ type: 'radio', name: 'reason', value: 'adit' });
    expect(attributesOf(html, 'input', 'reason')).not.toHaveProperty('checked');
    expect(attributesOf(html, 'input', 'reason-2')).toMatchObject({ type: 'radio', name: 'reason', value: 'eap', checked: '' });
  });

  it('renders a single checkbox checked from defaultChecked', () => {
    const html = markup(<Checkbox id="textAhead" label="Text me first" defaultChecked />);
    expect(attributesOf(html, 'input', 'textAhead')).toMatchObject({ type: 'checkbox', name: 'textAhead', checked: '' });
  });
});

describe('error summary', () => {
  it('is a focusable alert titled from the catalogue, linking each error to its field', () => {
    const html = markup(<ErrorSummary errors={[{ field: 'receipt', message: 'Enter a receipt number' }]} />, 'es');
    expect(html).toMatch(/role="alert"[^>]*tabindex="-1"/);
    expect(html).toContain('Hay un problema');
    expect(html).toMatch(/<a href="#receipt"[^>]*>Enter a receipt number<\/a>/);
  });

  it('renders nothing without errors', () => {
    expect(markup(<ErrorSummary errors={[]} />)).toBe('');
  });

  it('orders entries by the fields on the page', () => {
    expect(toErrorSummaryItems({ office: 'Pick an office', receipt: 'Enter a receipt' }, ['receipt', 'reason', 'office'])).toEqual([
      { field: 'receipt', message: 'Enter a receipt' },
      { field: 'office', message: 'Pick an office' },
    ]);
    expect(toErrorSummaryItems(undefined)).toEqual([]);
  });
});

describe('step indicator and table', () => {
  it('says "Step 2 of 4" to screen readers and marks the current step', () => {
    const html = markup(<StepIndicator steps={['Case', 'Reason', 'Dates', 'Check']} current={2} />);
    expect(html).toContain('Step 2 of 4');
    expect(html).toMatch(/<li aria-current="step"[^>]*>.*Reason/);
    expect(html).toContain('(completed)');
    expect(html).toContain('(not completed)');
    expect(markup(<StepIndicator steps={['A', 'B', 'C']} current={3} />, 'es')).toContain('Paso 3 de 3');
  });

  it('has a caption, column headers with scope, and the labels of the stacked layout once per table', () => {
    const html = markup(
      <Table
        caption="Your cases"
        rows={[{ receipt: 'IOE0912345678', status: 'Case Was Received' }]}
        rowKey={(row) => row.receipt}
        columns={[
          { header: 'Receipt number', cell: (row) => row.receipt, rowHeader: true },
          { header: 'Status', cell: (row) => row.status },
        ]}
      />,
    );
    expect(html).toMatch(/<caption[^>]*>Your cases<\/caption>/);
    expect(html).toMatch(/<th scope="col"[^>]*>Receipt number<\/th>/);
    expect(html).toMatch(/<th scope="row">IOE0912345678<\/th>/);
    expect(html).toMatch(/<td>Case Was Received<\/td>/);
    expect(html).toMatch(/<table [^>]*style="--column-1:&quot;Receipt number&quot;;--column-2:&quot;Status&quot;"/);
  });

  it('leaves an empty cell empty and names what it means once, for the stylesheet to show', () => {
    const html = markup(
      <Table
        caption="Cases"
        rows={[{ receipt: 'IOE0912345678' }]}
        rowKey={(row) => row.receipt}
        emptyCell="None"
        columns={[
          { header: 'Receipt number', cell: (row) => row.receipt, rowHeader: true },
          { header: 'Next appointment', cell: () => null },
        ]}
      />,
    );
    expect(html).toContain('--empty-cell:&quot;None&quot;');
    expect(html).toContain('<td></td>');
  });

  it('groups rows under a heading row per group, in one table', () => {
    const html = markup(
      <Table
        caption="Clients"
        groups={[
          { heading: 'Ana', rows: [{ receipt: 'IOE0912345678' }] },
          { heading: 'Bo', rows: [{ receipt: 'IOE0912345679' }, { receipt: 'IOE0912345670' }] },
        ]}
        rowKey={(row) => row.receipt}
        columns={[
          { header: 'Receipt number', cell: (row) => row.receipt, rowHeader: true },
          { header: 'Status', cell: () => 'Received' },
        ]}
      />,
    );
    expect(html.match(/<table/g)).toHaveLength(1);
    expect(html.match(/<tbody>/g)).toHaveLength(2);
    expect(html).toContain('<th scope="rowgroup" colSpan="2">Bo</th>');
    expect(html.match(/<th scope="row">/g)).toHaveLength(3);
  });
});
