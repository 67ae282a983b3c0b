/**
 * What a user may read from the command line: Swedish sentences, no stack trace, no errno codes, no English
 * from a library. Returns the offending fragments (empty when the text is fine). Paths are taken out first, so
 * the words in a temporary folder's name do not count.
 */
const STACK = /^\s*at .+(?:\(.*:\d+:\d+\)|:\d+:\d+)\s*$/m;
const ERRNO = /\bE(?:ACCES|NOENT|EXIST|ISDIR|NOTDIR|PERM|ROFS|NOSPC|MFILE|LOOP|NAMETOOLONG|INVAL|BUSY|XDEV)\b/;
const ENGLISH = /\b(?:the|is|are|was|of|and|to|at|on|with|from|cannot|can't|could|error|errors|failed|failure|invalid|unexpected|undefined|NaN|null|TypeError|RangeError|SyntaxError|Error|Maximum|call stack|Unexpected|Invalid|Cannot|Failed|no such|permission|denied|directory|exists|allocation|heap|memory|end of|Unsupported|unsupported|corrupted|Corrupted|JSZip|Non-whitespace|Unclosed|unclosed|tag|Text data|entity)\b/;

export function foreignText(text: string, paths: string[] = []): string[] {
  let t = text;
  for (const p of [...paths].sort((a, b) => b.length - a.length)) if (p) t = t.split(p).join("<sökväg>");
  const found: string[] = [];
  const stack = STACK.exec(t);
  if (stack) found.push(`stack trace: ${stack[0].trim()}`);
  const errno = ERRNO.exec(t);
  if (errno) found.push(`errno: ${errno[0]}`);
  for (const line of t.split("\n")) {
    const m = ENGLISH.exec(line);
    if (m) found.push(`English (“${m[0]}”): ${line.trim().slice(0, 200)}`);
  }
  return found;
}
