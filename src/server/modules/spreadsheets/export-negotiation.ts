import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type ExportFormat, XLSX_MEDIA_TYPE } from '../../../shared/schemas/spreadsheets.ts';
import type { ExportFile } from './workbook-writing.ts';

const FORMAT_OF_MEDIA_TYPE: Record<string, ExportFormat> = {
  'application/json': 'json',
  'text/csv': 'csv',
  [XLSX_MEDIA_TYPE]: 'xlsx',
};

/**
 * The format a reading is delivered in: `format=` when given (a link in a page can only set the
 * query), else the most preferred of the media types we serve in Accept, else JSON.
 */
export function requestedFormat(format: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (format) return format;
  const preferred = (accept ?? '')
    .split(',')
    .map((part, index) => {
      const [type = '', ...attributes] = part.trim().split(';');
      const quality = attributes.find((a) => a.trim().startsWith('q='));
      return { type: type.trim().toLowerCase(), quality: quality ? Number(quality.trim().slice(2)) : 1, index };
    })
    .filter((range) => range.quality > 0 && FORMAT_OF_MEDIA_TYPE[range.type])
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return FORMAT_OF_MEDIA_TYPE[preferred[0]?.type ?? ''] ?? 'json';
}

export function sendExport(reply: FastifyReply, file: ExportFile, headers: Record<string, string> = {}) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '');
  return reply
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .headers(headers)
    .type(file.contentType)
    .send(file.body);
}

const binary = (what: string) => z.string().meta({ format: 'binary' }).describe(what);

/** A 200 response documented in JSON, XLSX and CSV, for readings that export. */
export function exportableResponse<T extends z.ZodType>(json: T, what: string) {
  return {
    description: `${what}: JSON, or a download as XLSX or CSV (UTF-8 with BOM), chosen by format= or Accept`,
    content: {
      'application/json': { schema: json },
      [XLSX_MEDIA_TYPE]: { schema: binary(`${what} as an XLSX workbook`) },
      'text/csv': { schema: binary(`${what} as CSV, UTF-8 with a byte-order mark`) },
    },
  };
}
