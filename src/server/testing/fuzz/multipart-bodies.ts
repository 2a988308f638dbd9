import fc from 'fast-check';
import type { FuzzOperation } from './fuzz-requests.ts';
import { hostileString } from './hostile-values.ts';
import { arbitraryFor, type Generation } from './schema-arbitrary.ts';

/** A multipart body: fields and files with hostile names and contents, now and then malformed. */
export function multipartArbitrary(
  operation: FuzzOperation,
  generation: Generation,
): fc.Arbitrary<{ payload: Buffer; contentType: string }> {
  const json = operation.multipartJson
    ? arbitraryFor(operation.multipartJson, 'submission', { ...generation, carrier: 'json' }).map((value) =>
        JSON.stringify(value),
      )
    : fc.constant('{}');
  const field = fc.record({
    kind: fc.constant('field' as const),
    name: fc.oneof({ arbitrary: fc.constantFrom('submission', 'file', 'data'), weight: 4 }, hostileString),
    value: fc.oneof({ arbitrary: json, weight: 4 }, hostileString),
  });
  const file = fc.record({
    kind: fc.constant('file' as const),
    name: fc.oneof({ arbitrary: fc.constantFrom('file', 'files', 'attachment'), weight: 4 }, hostileString),
    fileName: fc.oneof(
      {
        arbitrary: fc.constantFrom('bien-ban.pdf', 'anh.png', 'nhiem-vu.xlsx', 'a.exe', 'noextension', 'x\u0000.pdf'),
        weight: 3,
      },
      hostileString,
    ),
    mediaType: fc.constantFrom('application/pdf', 'image/png', 'application/octet-stream', 'text/html', ''),
    content: fc.oneof(
      fc.constantFrom(
        Buffer.from('%PDF-1.4 minimal'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from('PK\u0003\u0004 not a workbook'),
        Buffer.alloc(0),
      ),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    ),
  });
  return fc
    .record({
      parts: fc.array(fc.oneof(field, file), { maxLength: 4 }),
      boundary: fc.nat().map((n) => `fuzz${n}`),
      damage: fc.constantFrom('none', 'none', 'none', 'no-end', 'wrong-boundary', 'no-boundary'),
    })
    .map(({ parts, boundary, damage }) => {
      const chunks: Buffer[] = [];
      for (const part of parts) {
        const disposition =
          part.kind === 'field'
            ? `form-data; name="${part.name}"`
            : `form-data; name="${part.name}"; filename="${part.fileName}"`;
        const type = part.kind === 'file' && part.mediaType ? `\r\nContent-Type: ${part.mediaType}` : '';
        chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
        chunks.push(part.kind === 'field' ? Buffer.from(part.value) : part.content);
        chunks.push(Buffer.from('\r\n'));
      }
      if (damage !== 'no-end') chunks.push(Buffer.from(`--${boundary}--\r\n`));
      const header =
        damage === 'no-boundary'
          ? 'multipart/form-data'
          : `multipart/form-data; boundary=${damage === 'wrong-boundary' ? 'other' : boundary}`;
      return { payload: Buffer.concat(chunks), contentType: header };
    });
}
