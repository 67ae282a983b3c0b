/**
 * What a workbook package may claim before Uppföljning refuses to work on it. Files arrive by email from
 * strangers: every size, count, ratio and extent is checked before (or while) the work is done, never after.
 * Documented for users in docs/paketet.md; the hostile-file suite tests each limit.
 */
export const LIMITS = {
  /** Size of the .xlsx file itself. */
  maxFileBytes: 1024 * 1024 * 1024,
  /** Number of entries (parts) in the zip. */
  maxEntries: 50_000,
  /** Inflated size of a part that is parsed whole into a tree (workbook, rels, styles, tables, app.xml…). */
  maxTreePartBytes: 256 * 1024 * 1024,
  /** Inflated size of a part that is streamed (worksheets, shared strings) or copied without parsing. */
  maxPartBytes: 2 * 1024 * 1024 * 1024,
  /** Inflated size of all parts read together. */
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  /** Inflated bytes per compressed byte, checked while inflating once a part has passed `ratioFloorBytes`. */
  maxRatio: 500,
  ratioFloorBytes: 64 * 1024 * 1024,
  /** Element nesting in any XML part. */
  maxXmlDepth: 512,
  /** Excel's own limits: rows and columns of a sheet, characters in a cell. */
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCellChars: 32_767,
} as const;
