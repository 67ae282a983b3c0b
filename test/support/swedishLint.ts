/**
 * Forms that must never appear in the report's Swedish, checked over every text the tests generate: the
 * language's equivalent of a type check. Each rule names what it caught, so a failure reads as a proofreader's note.
 */
import { N } from "../../src/report/language/lexicon";
import { LARGEST_NUMBER_WORD } from "../../src/report/language/grammar";

const NOUNS = Object.values(N);
const SINGULAR = new Set(NOUNS.flatMap((n) => [n.sg, n.sgDef]).filter((w) => !NOUNS.some((m) => m.pl === w || m.plDef === w)));
const PLURAL = new Set(NOUNS.flatMap((n) => [n.pl, n.plDef]).filter((w) => !NOUNS.some((m) => m.sg === w || m.sgDef === w)));
const ALL_FORMS = new Set(NOUNS.flatMap((n) => [n.sg, n.pl]));
const WORDS_ABOVE_ONE = ["två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];

/** English and programming words that must never reach a Swedish reader. */
const FOREIGN = ["the", "and", "of", "is", "are", "with", "without", "null", "undefined", "NaN", "Infinity", "true", "false", "object", "forecast", "variance", "revenue", "cost", "total", "item", "error"];

export function swedishProblems(text: string): string[] {
  const problems: string[] = [];
  const note = (what: string, m: RegExpMatchArray | null) => {
    if (m) problems.push(`${what}: ”${m[0]}” i ”${text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 40)}”`);
  };
  if (text.trim() === "") problems.push("tom text");
  note("dubbelt mellanslag", text.match(/ {2,}|\u00a0 | \u00a0/));
  note("mellanslag före skiljetecken", text.match(/\s[.,;:!?)]/));
  note("tom mening", text.match(/(^|[.!?])\s*[.!?]/));
  note("liten bokstav i meningens början", text.match(/[.!?]\s+[a-zåäö]/));
  note("kommatecken före och", text.match(/, och /));
  note("bindestreck som minustecken", text.match(/(^|[\s(])-\d/));
  note("tecken på noll", text.match(/[+\u2212]0(,0+)?(?![,\d])/));
  for (const w of FOREIGN) note("engelskt eller tekniskt ord", text.match(new RegExp(`(^|[^\\p{L}])${w}(?![\\p{L}])`, "u")));
  const raw = text.split(/[ \t\n]+/);
  const words = raw.map((w) => w.replace(/^[(”"]+|[.,;:!?)”"]+$/g, ""));
  for (let i = 0; i + 1 < words.length; i++) {
    // A word followed by punctuation ends its phrase: "(9), risk …" does not count risks.
    if (/[.,;:!?)”"]$/.test(raw[i])) continue;
    const [a, b] = [words[i], words[i + 1]];
    const lower = a.toLowerCase();
    if (/^\d+$/.test(a) && Number(a) <= LARGEST_NUMBER_WORD && ALL_FORMS.has(b)) problems.push(`siffra för ett litet antal: ”${a} ${b}”`);
    if ((lower === "1" || lower === "en" || lower === "ett") && PLURAL.has(b)) problems.push(`singular med plural: ”${a} ${b}”`);
    if ((WORDS_ABOVE_ONE.includes(lower) || (/^\d+$/.test(a) && Number(a) > 1)) && SINGULAR.has(b)) problems.push(`plural med singular: ”${a} ${b}”`);
    const nounOf = NOUNS.find((n) => n.sg === b);
    if (nounOf && (lower === "en" || lower === "ett") && lower !== (nounOf.gender === "neutrum" ? "ett" : "en")) problems.push(`fel genus: ”${a} ${b}”`);
  }
  return problems;
}
