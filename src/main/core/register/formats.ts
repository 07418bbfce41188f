/** The file formats a package carries, identified as PREMIS and the SIP profile want them (PRONOM keys). */
export type FileFormat = { mimeType: string; name: string; version: string; pronom: string };

export const PDFA_2A: FileFormat = { mimeType: 'application/pdf', name: 'PDF/A-2a', version: '2a', pronom: 'fmt/476' };
export const DOCX: FileFormat = {
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  name: 'Microsoft Word for Windows (DOCX)',
  version: '2007 onwards',
  pronom: 'fmt/412',
};
export const XML: FileFormat = { mimeType: 'application/xml', name: 'Extensible Markup Language', version: '1.0', pronom: 'fmt/101' };

/** One file in the package: where it is, what it is, its bytes' size and SHA-256. */
export type PackedFile = { path: string; format: FileFormat; size: number; sha256: string; created: string };
