/**
 * Printable letters as PDF: a letterhead, a title and blocks of text (paragraphs, label–value facts,
 * bulleted lists, section headings) flowed onto US Letter pages with page numbers. The fonts are the
 * PDF standard Helvetica faces, which every reader has, so nothing is embedded and files stay small;
 * they cover Windows-1252 (all of Spanish), and any other character in the text (a name typed in
 * another script) is reduced to its base letter or a question mark instead of failing the letter.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'bullets'; items: string[] };

export interface LetterDocument {
  /** The PDF's title (shown in the reader's title bar) and the heading under the letterhead. */
  title: string;
  /** BCP 47, e.g. "en-US": screen readers pick their voice from it. */
  language: string;
  author: string;
  subject?: string;
  /** The first line is printed bold and larger. */
  letterhead: string[];
  blocks: LetterBlock[];
  /** "Page 1 of 2", in the letter's language. */
  pageLabel: (page: number, pages: number) => string;
  /** When the letter was made: its metadata dates, so the same letter gives the same file. */
  createdAt: Date;
}

const PAGE = { width: 612, height: 792 }; // US Letter, in points
const MARGIN = 60;
const BODY = 10.5;
const LEADING = 14;
const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
const INK = rgb(0.106, 0.106, 0.106);

/** Characters the font cannot show, mapped to the nearest it can. */
const SUBSTITUTES: Record<string, string> = {
  '\u202F': ' ', // narrow no-break space: ICU puts it before "AM"/"PM"
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
};

export function makeTextSafe(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) => {
    let out = '';
    for (const character of text.replace(/\r\n?/g, '\n').replace(/[\t\v\f]/g, ' ')) {
      const code = character.codePointAt(0)!;
      if (character === '\n' || supported.has(code)) {
        out += character;
        continue;
      }
      if (SUBSTITUTES[character]) {
        out += SUBSTITUTES[character];
        continue;
      }
      // "ễ" → "e", "ﬁ" → "fi": the base letters, when the font has them.
      const base = character.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : code < 0x20 ? '' : '?';
    }
    return out;
  };
}

/** Greedy wrap by measured width; a word wider than the line is broken between characters. */
export function wrapToWidth(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(/ +/).filter(Boolean)) {
      if (line && fits(`${line} ${word}`)) {
        line = `${line} ${word}`;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      while (!fits(word)) {
        let cut = word.length - 1;
        while (cut > 1 && !fits(word.slice(0, cut))) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

export async function renderLetterPdf(letter: LetterDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const safe = makeTextSafe(regular);

  pdf.setTitle(safe(letter.title), { showInWindowTitleBar: true });
  pdf.setLanguage(letter.language);
  pdf.setAuthor(letter.author);
  pdf.setCreator(letter.author);
  pdf.setProducer(letter.author);
  if (letter.subject) pdf.setSubject(safe(letter.subject));
  pdf.setCreationDate(letter.createdAt);
  pdf.setModificationDate(letter.createdAt);

  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const room = (height: number) => {
    if (y - height < MARGIN + LEADING) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
  };
  const line = (text: string, options: { font?: PDFFont; size?: number; x?: number; leading?: number } = {}) => {
    const size = options.size ?? BODY;
    const leading = options.leading ?? LEADING;
    room(leading);
    y -= leading;
    if (text) page.drawText(text, { x: MARGIN + (options.x ?? 0), y, size, font: options.font ?? regular, color: INK });
  };
  const gap = (points = 8) => {
    y -= points;
  };

  letter.letterhead.forEach((text, i) =>
    line(safe(text), i === 0 ? { font: bold, size: 14, leading: 18 } : { size: 10, leading: 13 }),
  );
  gap(14);
  for (const text of wrapToWidth(safe(letter.title), bold, 16, TEXT_WIDTH)) line(text, { font: bold, size: 16, leading: 20 });
  gap(6);

  for (const block of letter.blocks) {
    switch (block.kind) {
      case 'heading':
        gap(6);
        room(LEADING * 3); // a heading is never left alone at the foot of a page
        for (const text of wrapToWidth(safe(block.text), bold, 12, TEXT_WIDTH)) line(text, { font: bold, size: 12, leading: 17 });
        break;
      case 'paragraph':
        for (const text of wrapToWidth(safe(block.text), regular, BODY, TEXT_WIDTH)) line(text);
        break;
      case 'bullets':
        for (const item of block.items) {
          wrapToWidth(safe(item), regular, BODY, TEXT_WIDTH - 16).forEach((text, i) => {
            line(text, { x: 16 });
            if (i === 0) page.drawText('\u2022', { x: MARGIN + 4, y, size: BODY, font: regular, color: INK });
          });
        }
        break;
      case 'facts': {
        const labelWidth = Math.min(TEXT_WIDTH * 0.4, Math.max(...block.rows.map((row) => bold.widthOfTextAtSize(`${safe(row.label)}:`, BODY))) + 12);
        for (const row of block.rows) {
          const labels = wrapToWidth(`${safe(row.label)}:`, bold, BODY, labelWidth - 12);
          const values = wrapToWidth(safe(row.value), regular, BODY, TEXT_WIDTH - labelWidth);
          room(LEADING * Math.min(3, Math.max(labels.length, values.length)));
          for (let i = 0; i < Math.max(labels.length, values.length); i++) {
            line(labels[i] ?? '', { font: bold });
            if (values[i]) page.drawText(values[i], { x: MARGIN + labelWidth, y, size: BODY, font: regular, color: INK });
          }
        }
        break;
      }
    }
    gap();
  }

  const pages = pdf.getPages();
  pages.forEach((each, i) => {
    const label = safe(letter.pageLabel(i + 1, pages.length));
    const width = regular.widthOfTextAtSize(label, 9);
    each.drawText(label, { x: (PAGE.width - width) / 2, y: MARGIN / 2, size: 9, font: regular, color: INK });
  });
  return pdf.save();
}
