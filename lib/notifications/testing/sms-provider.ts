/**
 * A stand-in for a Twilio-compatible messaging API on 127.0.0.1: records each request as received
 * over HTTP and answers with the status and JSON body a test chooses.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProviderRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

export interface SmsProvider {
  url: string;
  requests: ProviderRequest[];
  /** The next answers, in order; afterwards 201 with a message id. */
  answers: { status: number; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startSmsProvider(): Promise<SmsProvider> {
  const requests: ProviderRequest[] = [];
  const answers: SmsProvider['answers'] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      });
      const answer = answers.shift() ?? { status: 201, body: { sid: `SM${requests.length}`, status: 'queued' } };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
