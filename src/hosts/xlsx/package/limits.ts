/**
 * What a workbook package may claim before Uppföljning refuses to work on it. Files arrive by email from
 * strangers: every size, count, ratio and extent is checked before (or while) the work is done, never after, and
 * each bound is far above what a real workbook needs. Documented for users in docs/paketet.md and
 * docs/fientliga-filer.md; the hostile-file suite tests each limit.
 */
export const LIMITS = {
  /** Size of the .xlsx file itself. */
  maxFileBytes: 1024 * 1024 * 1024,
  /** Number of entries (parts) in the zip. */
  maxEntries: 50_000,
  /**
   * Inflated size of a part that is parsed whole into a tree (workbook, rels, styles, tables, app.xml…). A styles
   * part with Excel's 64 000 cell formats is about 10 MB.
   */
  maxTreePartBytes: 64 * 1024 * 1024,
  /** Inflated size of a part that is streamed (worksheets, shared strings) or checked and copied without parsing. */
  maxPartBytes: 2 * 1024 * 1024 * 1024,
  /** Inflated size of all parts together: every part is inflated once (read, or checked before it is copied). */
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  /** Inflated bytes per compressed byte, checked while inflating once a part has passed `ratioFloorBytes`. */
  maxRatio: 500,
  ratioFloorBytes: 64 * 1024 * 1024,
  /** Element nesting in any XML part. */
  maxXmlDepth: 512,
  /** Attributes (namespace declarations included) on one element, in any XML part. */
  maxXmlAttributes: 1000,
  /** Distinct element and attribute names in one streamed part (a sheet uses a few dozen). */
  maxXmlNames: 100_000,
  /**
   * Nodes (elements, attributes, texts, comments) of all the parts read as trees together, counted before a tree is
   * built. Excel's 64 000 cell formats make about 1,3 million in styles.xml.
   */
  maxXmlNodes: 2_000_000,
  /** Bytes before the root element of any XML part (the XML declaration, comments): a real prolog takes a hundred. */
  maxPrologBytes: 64 * 1024,
  /** Sheets in the workbook. */
  maxSheets: 10_000,
  /** Names and tables that may be one of the contract's ten ranges (a range read costs a pass over its cells). */
  maxRangeCandidates: 100,
  /**
   * Characters of the distinct texts kept from the ranges' cells (shared strings, inline text, formula text), at most
   * 128 MB: a ledger of a million rows with a text column of its own takes a third of it.
   */
  maxTextChars: 64_000_000,
  /**
   * Cells kept from all the ranges together (11 bytes each): a million rows of forty columns. The bench's million
   * Budget rows of sixteen columns and as many Utfall rows of five keep 21 million.
   */
  maxCells: 40_000_000,
  /** Excel's own limits: rows and columns of a sheet, characters in a cell. */
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCellChars: 32_767,
  /** The first id of a custom number format: below it Excel's built-in formats (ECMA-376 18.8.30). */
  minCustomNumFmtId: 164,
} as const;
