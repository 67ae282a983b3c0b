/**
 * The one catalogue of what users read when something is wrong, keyed by code, as zod keeps its issue codes:
 * each code has a severity, its typed parameters and its Swedish text.
 *
 * - `error` findings stop the report, `notice` findings are shown with it, `failure` codes belong to thrown errors
 *   (misuse, unreadable files: see errors.ts).
 * - `params` names each parameter the text uses and its type (params.ts): `finding("HEADER_MISSING", …, { column })`
 *   does not compile without `column`, or with a number for it. Values become text only when the message is written,
 *   by their type's formatter: numbers get Swedish digits there and nowhere else.
 * - `{cell}`, `{other}` and `{range}` are not parameters: they come from where the finding is (findings.ts). A finding
 *   about one cell of a column declares `column` (the column's header) even where its text does not print it: findings
 *   of one code are counted per column (FindingList), and the count's message names it.
 * - `host` marks a code only one host can produce (the file host reads files; the Office host talks to Excel). Every
 *   other code is produced by a case of the bad-input or hostile-file suite (test/findings/catalogue.test.ts).
 *
 * Adding a message: a new entry here with its params and text, then a case that produces it (or its host mark).
 */
import { formatParam, ParamType, ParamValue } from "./params";

export type Severity = "error" | "notice";

interface MessageSpec {
  readonly severity: Severity | "failure";
  readonly params: Readonly<Record<string, ParamType>>;
  readonly text: string;
  /** The only host that can produce this code, when only one can. */
  readonly host?: "xlsx" | "office";
}

export const MESSAGES = {
  // Ranges and headers
  RANGE_MISSING: { severity: "error", params: {}, text: "Området {range} saknas. Skapa ett namngivet område eller en tabell som heter {range}, med rubriker på första raden." },
  RANGE_BROKEN_REF: { severity: "error", params: {}, text: "Namnet {range} pekar på #REF! (området har tagits bort). Definiera om namnet {range} under Formler › Namnhanteraren." },
  RANGE_NOT_CELLS: { severity: "error", params: { formula: "text" }, text: "Namnet {range} är ett värde eller en formel ({formula}), inte ett cellområde. Låt {range} peka på cellerna med rubriker och rader." },
  RANGE_MULTI_AREA: { severity: "error", params: { formula: "text" }, text: "Namnet {range} pekar på flera områden ({formula}). Låt det peka på ett sammanhängande område." },
  RANGE_EMPTY: { severity: "error", params: {}, text: "Området {range} ({cell}) har inga rader under rubrikraden." },
  RANGE_EMPTY_OPTIONAL: { severity: "notice", params: {}, text: "Området {range} ({cell}) har inga rader under rubrikraden och hoppas över." },
  RANGE_SHEET_SCOPED: { severity: "error", params: { sheet: "text" }, text: "Namnet {range} finns bara för bladet {sheet} och gäller därför bara där, så det läses inte: Uppföljning läser namn som gäller hela arbetsboken, precis som en formel på ett annat blad gör. Ta bort namnet under Formler › Namnhanteraren och definiera det igen med Omfång: Arbetsbok." },
  RANGE_SHEET_SCOPED_OPTIONAL: { severity: "notice", params: { sheet: "text" }, text: "Namnet {range} finns bara för bladet {sheet} och gäller därför bara där, så det läses inte och området hoppas över. Ska det läsas, ta bort namnet under Formler › Namnhanteraren och definiera det igen med Omfång: Arbetsbok." },
  RANGE_SHEET_SCOPED_IGNORED: { severity: "notice", params: { sheet: "text" }, text: "Namnet {range} finns också för bladet {sheet}, där det bara gäller det bladet; det läses inte. Namnet för hela arbetsboken ({cell}) används." },
  RANGE_DUPLICATE_NAME: { severity: "notice", params: {}, text: "Både ett namngivet område och en tabell heter {range}; tabellen ({cell}) används.", host: "xlsx" },
  RANGE_NAME_AMBIGUOUS: { severity: "error", params: { first: "text", second: "text" }, text: "Arbetsboken har två namn som kan vara området {range}: ”{first}” och ”{second}”. Excel skiljer dem åt, och vilket som menas går inte att avgöra. Byt namn på det som inte ska läsas, eller ge det som ska läsas namnet {range}." },
  HEADER_MISSING: { severity: "error", params: { column: "text" }, text: "Kolumnen ”{column}” saknas i {range} (rubrikraden börjar i {cell})." },
  HEADER_DUPLICATE: { severity: "error", params: { column: "text" }, text: "Kolumnen ”{column}” finns två gånger i {range}: {cell} och {other}." },
  HEADER_ONE_OF: { severity: "error", params: { column: "text", alternative: "text" }, text: "{range} behöver kolumnen ”{column}” eller ”{alternative}” (rubrikraden börjar i {cell})." },
  HEADER_MERGED: { severity: "notice", params: {}, text: "Rubriken {cell} i {range} är sammanfogad över flera kolumner; bara den första kolumnen används.", host: "xlsx" },
  MONTH_COLUMN_MISSING: { severity: "error", params: { month: "text" }, text: "{range} har månadskolumner men saknar ”{month}”, som ingår i perioden (rubrikraden börjar i {cell})." },

  // Cell values
  NUMBER_EXPECTED: { severity: "error", params: { column: "text", value: "value" }, text: "{cell} ({column}) ska innehålla ett tal men innehåller ”{value}”." },
  NUMBER_FROM_TEXT: { severity: "notice", params: { column: "text", value: "value", number: "amount" }, text: "{cell} ({column}): talet var skrivet som text (”{value}”) och lästes som {number}." },
  NUMBER_NOT_FINITE: { severity: "error", params: { column: "text", value: "value" }, text: "{cell} ({column}) innehåller ett orimligt tal ({value}); belopp måste vara mindre än 10^15." },
  CELL_ERROR_VALUE: { severity: "error", params: { column: "text", value: "value" }, text: "{cell} ({column}) innehåller felvärdet {value}. Rätta formeln eller skriv in ett värde." },
  DATE_NOT_AMOUNT: { severity: "error", params: { column: "text", value: "value" }, text: "{cell} ({column}) innehåller ett datum ({value}) där ett tal ska stå." },
  FORMULA_NOT_CALCULATED: { severity: "error", params: { column: "text", formula: "text", more: "moreCells" }, text: "{cell} ({column}) innehåller en formel utan uträknat värde i filen ({formula}){more}. Programmet som skrev filen räknade inte ut formlerna. Öppna arbetsboken i Excel eller LibreOffice och spara den, så räknas värdena ut, och kör sedan igen.", host: "xlsx" },
  CELL_INVALID: { severity: "error", params: { column: "text", value: "value" }, text: "{cell} ({column}): värdet i filen kan inte läsas, {value}. Filen är skadad eller skriven av ett program som inte följer formatet; öppna och spara den i Excel och kör igen.", host: "xlsx" },
  TEXT_TRUNCATED: { severity: "notice", params: {}, text: "{cell}: texten är längre än 32 767 tecken, det mesta en cell i Excel rymmer, och har kortats.", host: "xlsx" },
  VALUE_REQUIRED: { severity: "error", params: { column: "text" }, text: "{cell}: ”{column}” är tom på en rad som har andra uppgifter." },
  TYPE_UNKNOWN: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: typen ”{value}” är okänd. Använd Intäkt, Kostnad, Finansiell eller Över-/underskott." },
  CARRYOVER_TYPE_SUSPECT: { severity: "notice", params: { column: "text", value: "value", item: "text" }, text: "{cell}: posten ”{item}” låter som ett över- eller underskott från tidigare år men har typen ”{value}”. Är det ett rullat över-/underskott, ange typen Över-/underskott så att det redovisas efter årets resultat." },
  DIRECTION_UNKNOWN: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: riktningen ”{value}” är okänd. Använd Högre eller Lägre." },
  SCALE_OUT_OF_RANGE: { severity: "error", params: { column: "text", value: "value", max: "count" }, text: "{cell}: {column} ska vara ett heltal från 1 till {max}, men är {value}." },
  HIDDEN_ROW_INCLUDED: { severity: "notice", params: { count: "count" }, text: "{range} har {count} dolda rader (den första är {cell}); de räknas med, som alla rader i området.", host: "xlsx" },
  TOLERANCE_NEGATIVE: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: Tolerans kan inte vara negativ ({value})." },

  // Matching and meaning
  KEY_DUPLICATE: { severity: "error", params: { key: "key" }, text: "{range} har samma rad två gånger ({key}): {cell} och {other}. Slå ihop raderna eller skilj dem åt med Ansvar eller Typ." },
  ACTUAL_AMBIGUOUS: { severity: "error", params: { key: "key" }, text: "Utfallsraden {cell} ({key}) passar flera budgetrader: {other}. Lägg till kolumnen Typ i Utfall så att raden kan kopplas rätt." },
  ACTUAL_WITHOUT_BUDGET: { severity: "notice", params: { key: "key" }, text: "{cell}: {key} har utfall men ingen budget och redovisas med budget 0." },
  ACTUAL_KIND_FROM_SIGN: { severity: "notice", params: { key: "key", kind: "kind" }, text: "{cell}: {key} saknar budget och typ; den redovisas som {kind} utifrån beloppets tecken." },
  BUDGET_WITHOUT_ACTUAL: { severity: "notice", params: { key: "key" }, text: "{cell}: {key} har budget men inget utfall och redovisas med utfall 0." },
  FORECAST_BLANK: { severity: "notice", params: { key: "key" }, text: "{cell}: prognosen är tom; helårsbudgeten används som prognos för {key}." },
  YEAR_DIFFERS_FROM_MONTHS: { severity: "notice", params: { year: "amount", sum: "amount" }, text: "{cell}: Helår ({year}) skiljer sig från summan av månaderna ({sum}); Helår används för helåret." },
  SIGN_SUSPECT: { severity: "notice", params: { convention: "text", suggestion: "text" }, text: "De flesta kostnaderna i {range} har motsatt tecken mot inställningen Teckenkonvention (”{convention}”). Är kostnaderna inmatade så, ändra inställningen till ”{suggestion}”." },
  SENSITIVITY_ITEM_UNKNOWN: { severity: "error", params: { value: "value" }, text: "{cell}: posten ”{value}” finns inte i Budget (och är inte Intäkt eller Kostnad)." },
  MEASURE_STATUS_UNKNOWN: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: statusen ”{value}” är okänd. Använd Beslutad eller Ej beslutad (även Förslag)." },
  MEASURE_IN_FORECAST_UNKNOWN: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: ”{value}” går inte att läsa som Ja eller Nej i Ingår i prognos." },
  INVESTMENT_SIGN_SUSPECT: { severity: "notice", params: { convention: "text", sign: "text" }, text: "De flesta beloppen i {range} är {sign} (det första i {cell}), men utgifter ska anges med samma tecken som kostnader (inställningen Teckenkonvention är ”{convention}”). Kontrollera tecknen: avvikelserna får annars fel tecken." },
  NONRECURRING_ITEM_UNKNOWN: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: posten ”{value}” finns inte i resultaträkningen (Budget och Utfall). Ange den post där det jämförelsestörande beloppet är bokfört." },
  NONRECURRING_RESPONSIBILITY_UNKNOWN: { severity: "error", params: { column: "text", value: "value", item: "text" }, text: "{cell}: ansvaret ”{value}” har ingen rad för posten ”{item}” i Budget eller Utfall. Ange det ansvar där det jämförelsestörande beloppet är bokfört." },
  NONRECURRING_WITHOUT_AMOUNT: { severity: "notice", params: { description: "text" }, text: "{cell}: den jämförelsestörande posten ”{description}” har varken Utfall eller Prognos och ändrar därför inget resultat; den visas ändå i tabellen." },
  RESPONSIBILITY_STATEMENT_UNKNOWN: { severity: "error", params: { value: "value", known: "text" }, text: "{cell}: inställningen Resultaträkning per ansvar nämner ”{value}”, som inte är ett ansvar i Budget eller Utfall. Ansvaren är: {known}." },
  RESPONSIBILITY_STATEMENT_WITHOUT_RESPONSIBILITY: { severity: "notice", params: {}, text: "Inställningen Resultaträkning per ansvar används inte: Budget och Utfall har ingen kolumn Ansvar, så det finns inga ansvar att visa resultaträkningar för." },
  PROBABILITY_OUT_OF_RANGE: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: Sannolikhet % ska vara en procentsats från 0 till 100, men är {value}." },
  RISK_CONSEQUENCE_SIGN_SUSPECT: { severity: "notice", params: { column: "text" }, text: "Alla ekonomiska konsekvenser i {range} är positiva (den första i {cell}), alltså vinster om riskerna inträffar. Ekonomisk konsekvens är riskens effekt på resultatet: en risk som kostar pengar anges med minustecken, som i rapporten. Kontrollera tecknen, annars räknas förlusterna som vinster." },
  INDICATOR_GENDER_WITHOUT_TOTAL: { severity: "error", params: { column: "text", value: "value", total: "text" }, text: "{cell}: {column} är ifylld ({value}) men {total} är tom. Totalen bedöms mot målet och visas bredvid kvinnor och män; fyll i den." },
  INDICATOR_GENDER_TOTAL_SUSPECT: { severity: "notice", params: { column: "text", indicator: "text" }, text: "{cell}: totalen för ”{indicator}” ligger inte mellan värdena för kvinnor och män och är inte heller deras summa. Kontrollera raden." },
  TARGET_YEAR_INVALID: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: Målår ska vara ett årtal, t.ex. 2026, men är {value}." },
  INDICATOR_PERCENT_MISMATCH: { severity: "notice", params: { indicator: "text" }, text: "{cell}: Utfall och Mål för ”{indicator}” verkar vara skrivna på olika sätt (andel och procenttal); kontrollera raden." },

  // Ledger input (Huvudbok, Kontoplan)
  LEDGER_AND_BUDGET: { severity: "error", params: {}, text: "Arbetsboken har både Huvudbok ({cell}) och Budget/Utfall ({other}). Använd det ena eller det andra: byt namn på de områden som inte ska läsas." },
  MORE_ERRORS: { severity: "error", params: { count: "count", where: "inColumn", kind: "code" }, text: "{range}: ytterligare {count} celler{where} har samma slags fel som ovan ({kind}); den sista är {cell}. Rätta dem på samma sätt." },
  MORE_NOTICES: { severity: "notice", params: { count: "count", where: "inColumn", kind: "code" }, text: "{range}: ytterligare {count} celler{where} har samma slags notering som ovan ({kind}); den sista är {cell}." },
  PLAN_WITHOUT_LEDGER: { severity: "notice", params: {}, text: "Arbetsboken har en Kontoplan men ingen Huvudbok. Kontoplanen används bara för att föra en huvudboks konton till poster och läses inte när Budget och Utfall används." },
  LEDGER_NO_AMOUNTS: { severity: "error", params: {}, text: "{range} saknar beloppskolumn (rubrikraden börjar i {cell}): den behöver minst en av Budget, Utfall, Utfall fg år och Prognos, eller Belopp och Art." },
  LEDGER_BUDGET_COLUMNS: { severity: "error", params: { value: "text", year: "year" }, text: "{range} har flera budgetkolumner ({value}) och ingen för året {year} (rubrikraden börjar i {cell}). Ange År i Inställningar eller ta bort de kolumner som inte gäller." },
  ACCOUNT_INVALID: { severity: "error", params: { column: "text", value: "value", hint: "accountHint" }, text: "{cell}: kontonumret ”{value}” går inte att läsa{hint}. Ett konto skrivs med bara siffror, t.ex. 5011." },
  ACCOUNT_NORMALISED: { severity: "notice", params: { column: "text", value: "value", account: "text" }, text: "{cell}: kontonumret ”{value}” lästes som {account}." },
  ACCOUNT_RULE_INVALID: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: ”{value}” i Kontoplan är varken ett konto (5011), en början på konton (50) eller ett intervall (3000-3099 med lika många siffror i båda ändar)." },
  ACCOUNT_RULE_BACKWARDS: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: intervallet ”{value}” går baklänges; skriv det lägsta kontot först." },
  ACCOUNT_PLAN_OVERLAP: { severity: "error", params: { account: "text", first: "text", second: "text" }, text: "Kontoplan har två lika specifika rader som båda gäller konto {account}: ”{first}” ({cell}) och ”{second}” ({other}). Gör den ena mer specifik eller ta bort den." },
  LEDGER_ART_UNKNOWN: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: arten ”{value}” är okänd. Använd Utfall, Budget, Prognos, Utfall fg år eller Bokslut fg år." },
  LEDGER_PERIOD_OTHER_YEAR: { severity: "error", params: { column: "text", value: "value", year: "year" }, text: "{cell}: perioden ”{value}” hör till ett annat år än rapportens ({year}), så raden räknas inte. Ta bort raderna för andra år ur Huvudbok, eller ange rätt år under År i Inställningar." },
  LEDGER_PERIOD_INVALID: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: perioden ”{value}” är inte en månad 1–12. Skriv månaden (3), året och månaden (2024-03) eller 202403." },
  LEDGER_BALANCE_SKIPPED: { severity: "notice", params: { count: "count", sum: "amount" }, text: "{range} har {count} rader med balanskonton (klass 1 och 2) eller konton i grupp 89, summa {sum}. De ingår inte i resultatet och hoppas över (den första är {cell})." },
  LEDGER_ACCOUNT_UNMAPPED: { severity: "error", params: { account: "text", sum: "amount" }, text: "Konto {account} ({cell}, summa {sum}) hör inte till någon post: varken Kontoplan eller standardindelningen efter Kommun-Bas täcker det. Lägg till kontot i Kontoplan." },
  LEDGER_NO_RESULT_ACCOUNTS: { severity: "error", params: {}, text: "{range} ({cell}) har bara balanskonton: inget konto hör till resultaträkningen." },

  // What the report carries
  REPORT_LIST_SHORTENED: { severity: "notice", params: { list: "text", count: "count", shown: "count", order: "text" }, text: "{list} har {count} rader; rapporten visar {shown} av dem ({order}). Alla rader räknas med i siffrorna." },

  // The workbook as Excel holds it (Office host)
  CALCULATION_MANUAL: { severity: "notice", params: {}, text: "Excel räknar om arbetsboken manuellt, så formler i indata kan visa gamla värden. Uppdatera rapport räknar om arbetsboken (som F9) innan den läser indata.", host: "office" },
  CALCULATION_MANUAL_RECALCULATED: { severity: "notice", params: {}, text: "Excel räknar om arbetsboken manuellt. Arbetsboken räknades om (som med F9) innan indata lästes, så rapporten bygger på aktuella värden.", host: "office" },

  // Settings
  SETTING_UNKNOWN: { severity: "notice", params: { key: "text" }, text: "{cell}: inställningen ”{key}” är okänd och används inte." },
  SETTING_INVALID: { severity: "error", params: { key: "text", value: "value", hint: "text" }, text: "{cell}: inställningen {key} kan inte vara ”{value}”. {hint}" },
  SETTING_DUPLICATE: { severity: "error", params: { key: "text" }, text: "Inställningen {key} finns två gånger: {cell} och {other}." },

  // The forecast history (Prognoshistorik)
  HISTORY_YEAR_INVALID: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: ”{value}” är inget årtal. År i {range} ska vara budgetåret, t.ex. 2024." },
  HISTORY_PERIOD_INVALID: { severity: "error", params: { column: "text", value: "value" }, text: "{cell}: perioden ”{value}” är inte en månad 1–12. Period i {range} är antalet månader som hade gått när prognosen gjordes (8 för augusti)." },
  HISTORY_DUPLICATE: { severity: "error", params: { key: "key", year: "year", period: "count" }, text: "{range} har två rader för {key} år {year}, period {period}: {cell} och {other}. Varje prognos sparas en gång per period; ta bort den ena raden." },
  HISTORY_TYPE_NEEDED: { severity: "error", params: { item: "text" }, text: "{cell}: raden saknar Typ, och posten ”{item}” finns inte med en enda typ i Budget och Utfall, så det går inte att avgöra om den är en intäkt eller en kostnad. Fyll i Typ (Intäkt, Kostnad, Finansiell eller Över-/underskott)." },
  HISTORY_RESPONSIBILITY_GONE: { severity: "notice", params: { name: "text", count: "count" }, text: "{cell}: ansvaret ”{name}” i {range} finns inte längre i Budget eller Utfall. Historikens rader för det (antal: {count}, den första här) räknas ändå med när tidigare prognoser jämförs." },
  HISTORY_ITEM_GONE: { severity: "notice", params: { name: "text", count: "count" }, text: "{cell}: posten ”{name}” i {range} finns inte längre i Budget eller Utfall. Historikens rader för den (antal: {count}, den första här) räknas ändå med när tidigare prognoser jämförs." },
  HISTORY_NOT_OURS: { severity: "notice", params: { sheet: "text" }, text: "{range} läses från bladet ”{sheet}” ({cell}), men den aktuella prognosen skrevs inte dit: Uppföljning skriver bara på sitt eget blad Prognoshistorik, aldrig i dina celler. Ska prognosen sparas vid varje uppdatering, flytta området till ett blad som heter Prognoshistorik, eller ta bort namnet så skapas bladet nästa gång." },
  HISTORY_TABLE: { severity: "notice", params: {}, text: "{range} är en tabell ({cell}). Den läses, men den aktuella prognosen skrivs inte in i en tabell. Ska prognosen sparas vid varje uppdatering, konvertera tabellen till ett område (Tabelldesign › Konvertera till område) och ge området namnet {range}." },
  HISTORY_SHEET_TAKEN: { severity: "notice", params: {}, text: "Den aktuella prognosen sparades inte: bladet Prognoshistorik finns redan men har inget område som heter Prognoshistorik, så Uppföljning rör det inte. Byt namn på bladet, eller ge dess område (rubrikraden och raderna) namnet Prognoshistorik." },
  HISTORY_COLUMN_MISSING: { severity: "notice", params: { column: "text" }, text: "Den aktuella prognosen sparades inte: {range} saknar kolumnen ”{column}” (rubrikraden börjar i {cell}), som behövs för att skriva prognosens rader. Lägg till kolumnen, så sparas prognosen vid nästa uppdatering." },
  HISTORY_SHEET_PROTECTED: { severity: "notice", params: { sheet: "text" }, text: "Den aktuella prognosen sparades inte: bladet ”{sheet}” med {range} ({cell}) är skyddat. Ta bort bladskyddet (Granska › Ta bort bladskydd), så sparas prognosen vid nästa uppdatering." },
  HISTORY_RANGE_EXTENDED: { severity: "notice", params: { rows: "text" }, text: "Bladet med {range} ({cell}) hade rader under området ({rows}). Området omfattar nu också dem, så de läses från och med nästa uppdatering; kontrollera att de hör till historiken." },
  HISTORY_FULL: { severity: "notice", params: {}, text: "Den aktuella prognosen sparades inte: {range} ({cell}) skulle bli längre än de 1\u00a0048\u00a0576 rader ett blad i Excel rymmer. Flytta äldre år till en annan arbetsbok." },
  HISTORY_WRITE_FAILED: { severity: "notice", params: { detail: "text" }, text: "Rapporten uppdaterades, men den aktuella prognosen kunde inte sparas i {range}. {detail}", host: "office" },
  HISTORY_EXCEL_TOO_OLD: { severity: "notice", params: {}, text: "Rapporten uppdaterades, men den aktuella prognosen sparades inte i {range}: den här versionen av Excel kan inte ändra namngivna områden från ett tillägg (ExcelApi 1.7 behövs). Historiken läses som vanligt.", host: "office" },

  // Failures (thrown): misuse and unreadable files
  USAGE: { severity: "failure", params: { detail: "text" }, text: "{detail}\nAnvändning: uppfoljning <in.xlsx> --out <ut.xlsx> [--json <ut.json>] [--report-only]", host: "xlsx" },
  FILE_NOT_FOUND: { severity: "failure", params: { path: "text" }, text: "Filen {path} finns inte.", host: "xlsx" },
  FILE_NOT_WORKBOOK: { severity: "failure", params: { path: "text" }, text: "Filen {path} är inte en Excel-arbetsbok (.xlsx) eller är skadad.", host: "xlsx" },
  FILE_ENCRYPTED: { severity: "failure", params: { path: "text" }, text: "Filen {path} är lösenordsskyddad. Spara en kopia utan lösenord och kör igen.", host: "xlsx" },
  FILE_LEGACY_FORMAT: { severity: "failure", params: { path: "text" }, text: "Filen {path} är i det gamla .xls-formatet. Spara den som .xlsx i Excel och kör igen.", host: "xlsx" },
  OUT_IS_INPUT: { severity: "failure", params: { path: "text" }, text: "Utfilen får inte vara samma fil som indatafilen ({path}); indata ändras aldrig.", host: "xlsx" },
  MACROS_NEED_XLSM: { severity: "failure", params: { path: "text" }, text: "Arbetsboken innehåller makron, som en .xlsx-fil inte får innehålla. Ge utfilen ändelsen .xlsm ({path} duger inte), eller kör med --report-only för en arbetsbok med bara rapporten.", host: "xlsx" },
  OUT_NEEDS_XLSX: { severity: "failure", params: { path: "text" }, text: "Utfilen ska heta .xlsx ({path} duger inte): arbetsboken har inga makron, och Excel öppnar en sådan arbetsbok bara med ändelsen .xlsx.", host: "xlsx" },
  FILE_UNREADABLE: { severity: "failure", params: { path: "text", detail: "text" }, text: "Filen {path} kunde inte läsas: {detail}.", host: "xlsx" },
  WRITE_FAILED: { severity: "failure", params: { path: "text", detail: "text" }, text: "Kunde inte skriva {path}: {detail}. Ingen utfil skrevs.", host: "xlsx" },
  JSON_IS_OUT: { severity: "failure", params: { path: "text" }, text: "--json och --out pekar på samma fil ({path}); ange två olika filer.", host: "xlsx" },
  FILE_TOO_LARGE: { severity: "failure", params: { path: "text", limit: "bytes" }, text: "Filen {path} är större än {limit}, det största Uppföljning läser.", host: "xlsx" },
  PACKAGE_TOO_MANY_PARTS: { severity: "failure", params: { path: "text", count: "count", limit: "count" }, text: "Filen {path} består av {count} delar, fler än de {limit} en arbetsbok rimligen har. Filen läses inte.", host: "xlsx" },
  PART_TOO_LARGE: { severity: "failure", params: { path: "text", part: "text", limit: "bytes" }, text: "Delen {part} i {path} blir större än {limit} uppackad. Filen läses inte; den kan vara en så kallad zip-bomb.", host: "xlsx" },
  PART_RATIO_TOO_HIGH: { severity: "failure", params: { path: "text", part: "text", limit: "count" }, text: "Delen {part} i {path} växer mer än {limit} gånger när den packas upp, långt mer än en arbetsbok gör. Filen läses inte; den kan vara en så kallad zip-bomb.", host: "xlsx" },
  PART_SIZE_MISMATCH: { severity: "failure", params: { path: "text", part: "text" }, text: "Delen {part} i {path} packas upp till mer än den storlek filen själv anger. Filen är skadad eller gjord för att överbelasta den som läser den, och läses inte.", host: "xlsx" },
  PACKAGE_INFLATED_TOO_LARGE: { severity: "failure", params: { path: "text", limit: "bytes" }, text: "Filen {path} blir större än {limit} uppackad. Filen läses inte.", host: "xlsx" },
  PART_NAME_TWICE: { severity: "failure", params: { path: "text", part: "text" }, text: "Filen {path} innehåller två delar med samma namn (”{part}”, stora och små bokstäver räknas lika); en arbetsbok får bara ha en del med varje namn. Filen läses inte.", host: "xlsx" },
  PART_NAME_INVALID: { severity: "failure", params: { path: "text", part: "text" }, text: "Filen {path} innehåller en del med ett otillåtet namn (”{part}”): namn som börjar med / eller innehåller .. eller \\ får inte finnas i en arbetsbok. Filen läses inte.", host: "xlsx" },
  XML_DTD: { severity: "failure", params: { path: "text", part: "text" }, text: "Delen {part} i {path} innehåller en DTD (dokumenttypsdeklaration), vilket en arbetsbok inte får ha. Filen läses inte.", host: "xlsx" },
  XML_TOO_DEEP: { severity: "failure", params: { path: "text", part: "text", limit: "count" }, text: "Delen {part} i {path} är nästlad i mer än {limit} nivåer. Filen läses inte.", host: "xlsx" },
  XML_MALFORMED: { severity: "failure", params: { path: "text", part: "text", detail: "text" }, text: "Delen {part} i {path} är inte giltig XML: {detail}. Filen är skadad; öppna och spara den i Excel och försök igen.", host: "xlsx" },
  XML_TOO_MANY_ATTRIBUTES: { severity: "failure", params: { path: "text", part: "text", limit: "count" }, text: "Delen {part} i {path} har ett element med fler än {limit} attribut, långt fler än en arbetsbok har. Filen läses inte.", host: "xlsx" },
  XML_TOO_MANY_NAMES: { severity: "failure", params: { path: "text", part: "text", limit: "amount" }, text: "Delen {part} i {path} använder fler än {limit} olika element- och attributnamn, långt fler än en arbetsbok har. Filen läses inte.", host: "xlsx" },
  XML_TOO_MANY_NODES: { severity: "failure", params: { path: "text", part: "text", limit: "amount" }, text: "Arbetsbokens delar (nu {part}) i {path} har tillsammans fler än {limit} element och attribut, långt fler än en arbetsbok har. Filen läses inte.", host: "xlsx" },
  XML_PROLOG_TOO_LONG: { severity: "failure", params: { path: "text", part: "text", limit: "bytes" }, text: "Delen {part} i {path} har mer än {limit} före sitt rotelement, långt mer än en arbetsbok har. Filen läses inte.", host: "xlsx" },
  PART_CORRUPT: { severity: "failure", params: { path: "text", part: "text" }, text: "Delen {part} i {path} är skadad: den packas inte upp till det innehåll och den storlek filen anger. Kopian skulle inte gå att öppna, så ingen utfil skrevs; öppna och spara arbetsboken i Excel och försök igen.", host: "xlsx" },
  PART_WRONG_TYPE: { severity: "failure", params: { path: "text", part: "text", expected: "text" }, text: "Arbetsboken {path} pekar ut {part} som sin {expected}, men delen är något annat. Uppföljning ändrar bara delar av rätt typ, så ingen utfil skrevs; öppna och spara arbetsboken i Excel och försök igen.", host: "xlsx" },
  WORKBOOK_TOO_MANY_SHEETS: { severity: "failure", params: { path: "text", count: "amount", limit: "amount" }, text: "Arbetsboken {path} har {count} blad, fler än de {limit} Uppföljning läser. Filen läses inte.", host: "xlsx" },
  RANGES_TOO_MANY: { severity: "failure", params: { path: "text", count: "amount", limit: "count" }, text: "Arbetsboken {path} har {count} namn och tabeller som kan vara Uppföljnings områden, fler än de {limit} som läses. Ta bort de namn som inte behövs under Formler › Namnhanteraren.", host: "xlsx" },
  CELLS_TOO_MANY: { severity: "failure", params: { path: "text", limit: "amount" }, text: "Områdena i {path} har tillsammans fler än {limit} celler med innehåll, fler än Uppföljning läser. Låt namnen peka på bara de rader och kolumner som hör till budgeten och utfallet, inte på hela blad.", host: "xlsx" },
  TEXT_TOO_LARGE: { severity: "failure", params: { path: "text", limit: "amount" }, text: "Texterna i områdena i {path} är tillsammans längre än {limit} tecken, långt mer än en arbetsbok med budget och utfall har. Filen läses inte.", host: "xlsx" },
  REPORT_TEXT_TOO_LARGE: { severity: "failure", params: { limit: "amount" }, text: "Rapporten skulle innehålla mer än {limit} tecken text, fler än någon kan läsa i en delårsrapport. Korta kommentarerna eller listorna i indata och kör igen." },
  REPORT_TOO_MANY_LINES: { severity: "failure", params: { count: "amount", limit: "amount" }, text: "Rapporten skulle få {count} rader i resultaträkningen, redovisningen per ansvar, resultaträkningarna per ansvar och de jämförelsestörande posterna, fler än de {limit} som ryms i en läsbar delårsrapport. Slå ihop poster eller ansvar i indata, eller välj färre ansvar under Resultaträkning per ansvar, och kör igen." },
  REPORT_OUTPUT_TOO_LARGE: { severity: "failure", params: { limit: "bytes" }, text: "Siffrorna som JSON skulle bli större än {limit}. Korta namnen eller listorna i indata och kör igen.", host: "xlsx" },
  INTERNAL: { severity: "failure", params: { detail: "text" }, text: "Ett oväntat fel inträffade i Uppföljning ({detail}). Ingen utfil skrevs och indatafilen är orörd. Rapportera gärna felet tillsammans med filen.", host: "xlsx" },
  REPORT_SHEET_TAKEN: { severity: "failure", params: { sheet: "text" }, text: "Bladet ”{sheet}” finns redan och är inte en rapport från Uppföljning, så det skrivs inte över. Byt namn på bladet eller ange en annan Rapportflik i Inställningar." },
  REPORT_SHEET_IS_INPUT: { severity: "failure", params: { sheet: "text", range: "text" }, text: "Rapportfliken ”{sheet}” innehåller indataområdet {range}. Ange en annan Rapportflik i Inställningar." },
  TEMPLATE_CLASH: { severity: "failure", params: { name: "text" }, text: "Mallen skapas bara i en arbetsbok utan bladet eller namnet ”{name}”.", host: "office" },
  SETTINGS_NOT_CELLS: { severity: "failure", params: {}, text: "Inställningarna sparades inte: namnet Inställningar är en formel eller flera områden, inte ett cellområde. Låt Inställningar peka på cellerna med rubriker och rader.", host: "office" },
  REPORT_SHEET_PROTECTED: { severity: "failure", params: { sheet: "text" }, text: "Rapportfliken ”{sheet}” är skyddad, så rapporten uppdaterades inte och inget i arbetsboken ändrades. Ta bort bladskyddet (Granska › Ta bort bladskydd) och välj Uppdatera rapport igen.", host: "office" },
  WORKBOOK_STRUCTURE_PROTECTED: { severity: "failure", params: {}, text: "Arbetsbokens struktur är skyddad, så Uppföljning kan inte lägga till, visa eller flytta rapportfliken. Rapporten uppdaterades inte och inget i arbetsboken ändrades. Ta bort skyddet (Granska › Skydda arbetsbok) och välj Uppdatera rapport igen.", host: "office" },
  REFRESH_STOPPED_READ: { severity: "failure", params: {}, text: "Rapporten uppdaterades inte, och inget i arbetsboken ändrades.", host: "office" },
  REFRESH_STOPPED_UNTOUCHED: { severity: "failure", params: { sheet: "text" }, text: "Rapporten uppdaterades inte, och den tidigare rapporten på fliken ”{sheet}” är orörd.", host: "office" },
  REFRESH_STOPPED_NO_REPORT: { severity: "failure", params: {}, text: "Ingen rapport skapades, och inget annat i arbetsboken ändrades.", host: "office" },
  REFRESH_STOPPED_CREATED: { severity: "failure", params: { sheet: "text" }, text: "Rapporten skapades på fliken ”{sheet}”, men Excel stoppade innan den var helt klar. Välj Uppdatera rapport igen.", host: "office" },
  REFRESH_STOPPED_PARTLY: { severity: "failure", params: { sheet: "text" }, text: "Rapporten på fliken ”{sheet}” kan vara delvis uppdaterad: Excel stoppade medan den skrevs om. Välj Uppdatera rapport igen, så skrivs den hel.", host: "office" },
  SETTINGS_SHEET_PROTECTED: { severity: "failure", params: { sheet: "text" }, text: "Inställningarna sparades inte: bladet ”{sheet}” är skyddat. Ta bort bladskyddet (Granska › Ta bort bladskydd) och spara igen.", host: "office" },
  SETTINGS_CELL_TAKEN: { severity: "failure", params: { cell: "text" }, text: "Inställningarna sparades inte: de nya raderna skulle hamna i {cell}, som inte är tom, och Uppföljning skriver aldrig över dina celler. Flytta det som står där eller lägg till raderna i Inställningar själv, och spara igen.", host: "office" },
  REPORT_REFUSED: { severity: "failure", params: { path: "text", count: "count" }, text: "Rapporten skapades inte: {path} har {count} fel som måste rättas först.", host: "xlsx" },

  // Failures reported by Excel itself (Office host), keyed by Excel's error code; see src/hosts/office/officeErrors.ts.
  EXCEL_ACCESS_DENIED: { severity: "failure", params: {}, text: "Excel nekade åtkomst. Är arbetsboken skrivskyddad eller delad med begränsad behörighet?", host: "office" },
  EXCEL_ACTIVITY_LIMIT: { severity: "failure", params: {}, text: "Excel har nått en gräns för antalet ändringar. Försök igen om en stund.", host: "office" },
  EXCEL_API_NOT_FOUND: { severity: "failure", params: {}, text: "Den här versionen av Excel saknar en funktion som tillägget behöver. Uppdatera Office.", host: "office" },
  EXCEL_GENERAL: { severity: "failure", params: {}, text: "Excel kunde inte slutföra ändringen. Försök igen; kvarstår felet, spara och öppna arbetsboken på nytt.", host: "office" },
  EXCEL_INSERT_DELETE_CONFLICT: { severity: "failure", params: {}, text: "Excel kunde inte infoga eller ta bort celler på grund av en konflikt (t.ex. en sammanfogad cell).", host: "office" },
  EXCEL_INVALID_ARGUMENT: { severity: "failure", params: {}, text: "Excel tog inte emot ett värde från tillägget.", host: "office" },
  EXCEL_INVALID_OPERATION: { severity: "failure", params: {}, text: "Excel tillät inte åtgärden. Försök igen; kvarstår felet, spara och öppna arbetsboken på nytt.", host: "office" },
  EXCEL_CELL_EDIT_MODE: { severity: "failure", params: {}, text: "Excel är i redigeringsläge. Tryck Esc eller Enter i cellen och försök igen.", host: "office" },
  EXCEL_INVALID_REFERENCE: { severity: "failure", params: {}, text: "En referens i arbetsboken är ogiltig.", host: "office" },
  EXCEL_ITEM_EXISTS: { severity: "failure", params: {}, text: "Ett blad med samma namn finns redan.", host: "office" },
  EXCEL_ITEM_NOT_FOUND: { severity: "failure", params: {}, text: "Ett blad eller namn som tillägget behöver hittades inte.", host: "office" },
  EXCEL_MERGED_CONFLICT: { severity: "failure", params: {}, text: "Sammanfogade celler på rapportfliken hindrade uppdateringen. Ta bort sammanfogningen och försök igen.", host: "office" },
  EXCEL_NOT_IMPLEMENTED: { severity: "failure", params: {}, text: "Den här versionen av Excel saknar en funktion som tillägget behöver. Uppdatera Office.", host: "office" },
  EXCEL_RANGE_TOO_LARGE: { severity: "failure", params: {}, text: "Ett område är för stort för att läsas i Excel på en gång.", host: "office" },
  EXCEL_REQUEST_ABORTED: { severity: "failure", params: {}, text: "Excel avbröt begäran. Försök igen.", host: "office" },
  EXCEL_REQUEST_TOO_LARGE: { severity: "failure", params: {}, text: "Rapporten blev för stor för en enda överföring till Excel.", host: "office" },
  EXCEL_RESPONSE_TOO_LARGE: { severity: "failure", params: {}, text: "Indataområdena är för stora för att läsas på en gång i Excel på webben.", host: "office" },
  EXCEL_UNAUTHENTICATED: { severity: "failure", params: {}, text: "Inloggningen behöver förnyas.", host: "office" },
  EXCEL_CONFLICT: { severity: "failure", params: {}, text: "Arbetsboken ändrades samtidigt av någon annan. Försök igen.", host: "office" },
  EXCEL_OTHER: { severity: "failure", params: { detail: "text" }, text: "Excel meddelade ett fel: {detail}.", host: "office" },
} as const satisfies Record<string, MessageSpec>;

export type MessageCode = keyof typeof MESSAGES;
export type FindingCode = { [K in MessageCode]: (typeof MESSAGES)[K]["severity"] extends "failure" ? never : K }[MessageCode];
export type FailureCode = Exclude<MessageCode, FindingCode>;

type ParamSpec<C extends MessageCode> = (typeof MESSAGES)[C]["params"];
/** The parameters a code's message takes, each of its declared type. */
export type ParamsOf<C extends MessageCode> = { -readonly [K in keyof ParamSpec<C>]: ParamSpec<C>[K] extends ParamType ? ParamValue<ParamSpec<C>[K]> : never };
/** The parameters as a call's trailing argument: optional where a code has none. */
export type ParamArgs<C extends MessageCode> = [keyof ParamsOf<C>] extends [never] ? [params?: ParamsOf<C>] : [params: ParamsOf<C>];

/** Where a message's finding is, already written as text: `{cell}`, `{other}`, `{range}`. */
export interface MessagePlace {
  cell?: string;
  other?: string;
  range?: string;
}

/**
 * The Swedish text of `code` with its parameters written in by their types, and the place filled in. A placeholder
 * with nothing to fill it stays as it is (the catalogue's test makes sure none does).
 */
export function formatMessage(code: MessageCode, params: Readonly<Record<string, unknown>>, place: MessagePlace = {}): string {
  const spec: MessageSpec = MESSAGES[code];
  return spec.text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const type = spec.params[key];
    if (type !== undefined && params[key] !== undefined) return formatParam(type, params[key]);
    const at = place[key as keyof MessagePlace];
    return at === undefined ? whole : at;
  });
}
