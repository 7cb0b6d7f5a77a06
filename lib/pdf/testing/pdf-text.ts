/**
 * The words a PDF shows, for tests: its page content streams inflated, and the text of each
 * text-showing operator decoded from the standard fonts' Windows-1252 encoding. Enough for the
 * letters this portal writes (pdf-lib, standard fonts); not a general PDF text extractor.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';

const winAnsi = new TextDecoder('windows-1252');

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  return filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents;
}

function contentStreams(doc: PDFDocument, contents: PDFObject | undefined): PDFRawStream[] {
  const resolved = contents ? doc.context.lookup(contents) : undefined;
  if (resolved instanceof PDFRawStream) return [resolved];
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((item) => contentStreams(doc, item));
  return [];
}

/** Each page's text, one string per page, pieces joined by spaces. */
export function pdfPageTexts(doc: PDFDocument): string[] {
  return doc.getPages().map((page) => {
    const pieces: string[] = [];
    for (const stream of contentStreams(doc, page.node.get(PDFName.of('Contents')))) {
      const operators = Buffer.from(streamBytes(stream)).toString('latin1');
      for (const match of operators.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj/g)) {
        pieces.push(winAnsi.decode(Buffer.from(match[1].replace(/\s/g, ''), 'hex')));
      }
      for (const match of operators.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) pieces.push(match[1].replace(/\\(.)/g, '$1'));
    }
    return pieces.join(' ');
  });
}

export async function pdfText(bytes: Uint8Array): Promise<{ doc: PDFDocument; text: string }> {
  const doc = await PDFDocument.load(bytes);
  return { doc, text: pdfPageTexts(doc).join('\n') };
}
