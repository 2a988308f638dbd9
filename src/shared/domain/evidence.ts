/**
 * Evidence attached to progress reports: what is accepted, and how large. The web app checks
 * before uploading; the server checks again, by the file's first bytes, not only its name.
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export const EVIDENCE_TYPES = {
  pdf: { mediaType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { mediaType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
} as const satisfies Record<string, { mediaType: string; magic: number[][] }>;

export type EvidenceExtension = keyof typeof EVIDENCE_TYPES;

export const extensionOf = (fileName: string): string => fileName.toLowerCase().split('.').pop() ?? '';

export function isAcceptedName(fileName: string): fileName is `${string}.${EvidenceExtension}` {
  return Object.hasOwn(EVIDENCE_TYPES, extensionOf(fileName));
}

/** The media type when the name's extension and the first bytes agree, undefined otherwise. */
export function evidenceMediaType(fileName: string, head: Uint8Array): string | undefined {
  const extension = extensionOf(fileName);
  if (!Object.hasOwn(EVIDENCE_TYPES, extension)) return undefined;
  const type = EVIDENCE_TYPES[extension as EvidenceExtension];
  const matches = type.magic.some((magic) => magic.every((byte, index) => head[index] === byte));
  return matches ? type.mediaType : undefined;
}
