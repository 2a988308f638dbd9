import { Readable } from 'node:stream';

/**
 * A request body made as the server reads it, counting what was read: a test can tell how much of
 * a body the server took before it answered (nothing, for a refusal that comes before reading),
 * and send hundreds of MiB without holding them. Reading is pulled by the server, so the count
 * does not depend on the machine's speed; it runs ahead of the server by a buffer at most.
 */
export function streamedBody(pieces: Iterable<Buffer>): { payload: Readable; bytesRead: () => number } {
  let bytesRead = 0;
  function* counted() {
    for (const piece of pieces) {
      bytesRead += piece.length;
      yield piece;
    }
  }
  return { payload: Readable.from(counted(), { objectMode: false }), bytesRead: () => bytesRead };
}

/** `size` bytes of spaces in pieces of `piece` bytes (the last one shorter), views of one buffer. */
export function* filler(size: number, piece: number): Generator<Buffer> {
  const spaces = Buffer.alloc(Math.min(size, piece), 0x20);
  for (let sent = 0; sent < size; sent += piece) yield spaces.subarray(0, Math.min(piece, size - sent));
}

export const BOUNDARY = '----steerboard-streamed-boundary';

export const MULTIPART_HEADERS = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

/** One part of a multipart body: a field when `fileName` is undefined, else a file. */
export function* part(name: string, fileName: string | undefined, content: Iterable<Buffer>): Generator<Buffer> {
  const disposition = `form-data; name="${name}"${fileName === undefined ? '' : `; filename="${fileName}"`}`;
  yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`);
  yield* content;
  yield Buffer.from('\r\n');
}

export function* closing(): Generator<Buffer> {
  yield Buffer.from(`--${BOUNDARY}--\r\n`);
}
