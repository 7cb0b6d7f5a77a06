/**
 * The reference of every operation, rendered on the server from the OpenAPI document the API serves
 * (lib/api/openapi.ts): method and path, summary, description, who may call it, parameters, request
 * body, answers; then the schemas and headers they refer to. No script: each operation and schema
 * is a disclosure (details) whose summary is its heading, so the page opens as a list of them;
 * inside, tables with headers, and code. In English, as the document is: the Spanish page marks it `lang="en"`.
 */
import type { ReactNode } from 'react';
import type { oas31 } from 'zod-openapi';
import { Table } from '@/components/ui/table';
import { API_BASE_PATH } from '@/lib/api/openapi';

type Schema = oas31.SchemaObject | oas31.ReferenceObject;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);
const isRef = (value: unknown): value is oas31.ReferenceObject => typeof value === 'object' && value !== null && '$ref' in value;

/** Text with `code` spans (the document's descriptions use Markdown's backticks and nothing else). */
export function WithCode({ text }: { text: string | undefined }) {
  if (!text) return null;
  return <>{text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

function resolve<T>(document: oas31.OpenAPIObject, value: T | oas31.ReferenceObject): T {
  if (!isRef(value)) return value;
  const [, , kind, name] = value.$ref.split('/');
  return (document.components as Record<string, Record<string, T>>)[kind][name];
}

/** A schema's type in words, with links to named schemas. */
function typeOf(schema: Schema | undefined): ReactNode {
  if (!schema) return 'any';
  if (isRef(schema)) return <a href={`#schema-${refName(schema.$ref)}`}>{refName(schema.$ref)}</a>;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return joined(alternatives.map((s) => typeOf(s as Schema)), ' or ');
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  if (schema.enum) return <>one of {joined(schema.enum.map((v) => <code key={String(v)}>{String(v)}</code>), ', ')}</>;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('array')) return <>array of {typeOf(schema.items as Schema)}</>;
  const named = types.length ? types.join(' or ') : 'any';
  return schema.format ? `${named} (${schema.format})` : named;
}

function joined(parts: ReactNode[], separator: string): ReactNode {
  return parts.map((part, i) => (
    <span key={i}>
      {i > 0 ? separator : null}
      {part}
    </span>
  ));
}

interface Field {
  name: string;
  type: ReactNode;
  required: boolean;
  description?: string;
}

/** The members of an object schema; an inline object member's own members follow it ("office.code"). */
function fieldsOf(schema: oas31.SchemaObject, prefix = ''): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, member]) => {
    const field: Field = { name: `${prefix}${name}`, type: typeOf(member as Schema), required: required.has(name), description: isRef(member) ? undefined : member.description };
    const inner = isRef(member) ? undefined : [member, ...((member.anyOf ?? []) as Schema[])].find((s): s is oas31.SchemaObject => !isRef(s) && !!s.properties);
    return [field, ...(inner ? fieldsOf(inner, `${prefix}${name}.`) : [])];
  });
}

function FieldTable({ caption, fields }: { caption: ReactNode; fields: Field[] }) {
  return (
    <Table
      caption={caption}
      rows={fields}
      rowKey={(field) => field.name}
      columns={[
        { header: 'Field', rowHeader: true, cell: (field) => <code>{field.name}</code> },
        { header: 'Type', cell: (field) => field.type },
        { header: 'Required', cell: (field) => (field.required ? 'yes' : 'no') },
        { header: 'Description', cell: (field) => <WithCode text={field.description} /> },
      ]}
    />
  );
}

function who(operation: oas31.OperationObject): string {
  const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
  if (schemes.includes('bearerToken')) return 'A bearer token from POST /api/v1/oauth/token (OAuth 2.0 client credentials).';
  if (schemes.includes('clientBasic')) return 'The client id and secret: HTTP Basic, or client_id and client_secret in the form.';
  return 'Anyone: no credentials.';
}

function Operation({ document, method, path, operation }: { document: oas31.OpenAPIObject; method: string; path: string; operation: oas31.OperationObject }) {
  const id = `op-${operation.operationId}`;
  const parameters = (operation.parameters ?? []).map((p) => resolve<oas31.ParameterObject>(document, p));
  const body = operation.requestBody ? resolve<oas31.RequestBodyObject>(document, operation.requestBody) : undefined;
  const answers = Object.entries(operation.responses ?? {}).map(([status, answer]) => ({ status, answer: resolve<oas31.ResponseObject>(document, answer) }));
  return (
    <details className="border-t border-base-lighter pt-2">
      <summary>
        <h4 id={id} className="inline">
          <code>
            {method.toUpperCase()} {API_BASE_PATH}
            {path}
          </code>{' '}
          {operation.summary}
        </h4>
      </summary>
      <p>
        <WithCode text={operation.description} />
      </p>
      <p>
        <strong>Credentials:</strong> {who(operation)}
      </p>
      {parameters.length ? (
        <Table
          caption="Parameters"
          rows={parameters}
          rowKey={(p) => `${p.in}:${p.name}`}
          columns={[
            { header: 'Name', rowHeader: true, cell: (p) => <code>{p.name}</code> },
            { header: 'In', cell: (p) => p.in },
            { header: 'Type', cell: (p) => typeOf(p.schema as Schema) },
            { header: 'Required', cell: (p) => (p.required ? 'yes' : 'no') },
            { header: 'Description', cell: (p) => <WithCode text={p.description} /> },
          ]}
        />
      ) : null}
      {body
        ? Object.entries(body.content).map(([type, media]) => {
            const schema = media.schema ? resolve<oas31.SchemaObject>(document, media.schema as Schema) : undefined;
            return schema ? (
              <FieldTable
                key={type}
                caption={
                  <>
                    Request body, <code>{type}</code>
                  </>
                }
                fields={fieldsOf(schema)}
              />
            ) : null;
          })
        : null}
      <Table
        caption="Answers"
        rows={answers}
        rowKey={(row) => row.status}
        columns={[
          { header: 'Status', rowHeader: true, cell: (row) => row.status },
          { header: 'Meaning', cell: (row) => <WithCode text={row.answer.description} /> },
          {
            header: 'Body',
            cell: (row) =>
              Object.entries(row.answer.content ?? {}).map(([type, media]) => (
                <span key={type}>
                  {typeOf(media.schema as Schema)} <small>({type})</small>
                </span>
              )),
          },
          { header: 'Headers', cell: (row) => joined(Object.keys(row.answer.headers ?? {}).map((name) => <a key={name} href={`#header-${name}`}>{name}</a>), ', ') },
        ]}
      />
    </details>
  );
}

export function ApiReference({ document }: { document: oas31.OpenAPIObject }) {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as oas31.PathItemObject)[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
  const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => ({ name, schema: schema as oas31.SchemaObject }));
  const headers = Object.entries(document.components?.headers ?? {}).map(([name, header]) => ({ name, header: header as oas31.HeaderObject }));
  return (
    <>
      {(document.tags ?? []).map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`}>
          <h3 id={`tag-${tag.name}`}>{tag.name}</h3>
          <p>{tag.description}</p>
          {operations
            .filter(({ operation }) => operation.tags?.includes(tag.name))
            .map(({ method, path, operation }) => (
              <Operation key={`${method} ${path}`} document={document} method={method} path={path} operation={operation} />
            ))}
        </section>
      ))}
      <section aria-labelledby="schemas">
        <h3 id="schemas">Schemas</h3>
        {schemas.map(({ name, schema }) => (
          <details key={name}>
            <summary>
              <h4 id={`schema-${name}`} className="inline">
                {name}
              </h4>
            </summary>
            <p>
              <WithCode text={schema.description} />
            </p>
            <FieldTable caption={`The members of ${name}`} fields={fieldsOf(schema)} />
          </details>
        ))}
      </section>
      <section aria-labelledby="headers">
        <h3 id="headers">Headers</h3>
        <Table
          caption="Response headers"
          captionHidden
          rows={headers}
          rowKey={(row) => row.name}
          columns={[
            { header: 'Header', rowHeader: true, cell: (row) => <code id={`header-${row.name}`}>{row.name}</code> },
            { header: 'Description', cell: (row) => <WithCode text={row.header.description} /> },
          ]}
        />
      </section>
    </>
  );
}
