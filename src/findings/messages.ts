/**
 * The one catalogue of what users read when something is wrong, keyed by code.
 * `error` findings stop the report, `notice` findings are shown with it,
 * `failure` codes belong to thrown errors (misuse, unreadable files).
 * Placeholders in braces are filled from the finding: {cell}, {other}, {range} and the finding's params.
 */
export const MESSAGES = {
  // Ranges and headers
  RANGE_MISSING: { severity: "error", text: "Området {range} saknas. Skapa ett namngivet område eller en tabell som heter {range}, med rubriker på första raden." },
  RANGE_BROKEN_REF: { severity: "error", text: "Namnet {range} pekar på #REF! (området har tagits bort). Definiera om namnet {range} under Formler › Namnhanteraren." },
  RANGE_NOT_CELLS: { severity: "error", text: "Namnet {range} är ett värde eller en formel ({formula}), inte ett cellområde. Låt {range} peka på cellerna med rubriker och rader." },
  RANGE_MULTI_AREA: { severity: "error", text: "Namnet {range} pekar på flera områden ({formula}). Låt det peka på ett sammanhängande område." },
  RANGE_EMPTY: { severity: "error", text: "Området {range} ({cell}) har inga rader under rubrikraden." },
  RANGE_EMPTY_OPTIONAL: { severity: "notice", text: "Området {range} ({cell}) har inga rader under rubrikraden och hoppas över." },
  RANGE_DUPLICATE_NAME: { severity: "notice", text: "Både ett namngivet område och en tabell heter {range}; tabellen ({cell}) används." },
  HEADER_MISSING: { severity: "error", text: "Kolumnen ”{column}” saknas i {range} (rubrikraden börjar i {cell})." },
  HEADER_DUPLICATE: { severity: "error", text: "Kolumnen ”{column}” finns två gånger i {range}: {cell} och {other}." },
  HEADER_ONE_OF: { severity: "error", text: "{range} behöver kolumnen ”{column}” eller ”{alternative}” (rubrikraden börjar i {cell})." },
  HEADER_MERGED: { severity: "notice", text: "Rubriken {cell} i {range} är sammanfogad över flera kolumner; bara den första kolumnen används." },
  MONTH_COLUMN_MISSING: { severity: "error", text: "{range} har månadskolumner men saknar ”{month}”, som ingår i perioden (rubrikraden börjar i {cell})." },

  // Cell values
  NUMBER_EXPECTED: { severity: "error", text: "{cell} ({column}) ska innehålla ett tal men innehåller ”{value}”." },
  NUMBER_FROM_TEXT: { severity: "notice", text: "{cell} ({column}): talet var skrivet som text (”{value}”) och lästes som {number}." },
  NUMBER_NOT_FINITE: { severity: "error", text: "{cell} ({column}) innehåller ett orimligt tal ({value}); belopp måste vara mindre än 10^15." },
  CELL_ERROR_VALUE: { severity: "error", text: "{cell} ({column}) innehåller felvärdet {value}. Rätta formeln eller skriv in ett värde." },
  DATE_NOT_AMOUNT: { severity: "error", text: "{cell} ({column}) innehåller ett datum ({value}) där ett tal ska stå." },
  FORMULA_NOT_CALCULATED: { severity: "error", text: "{cell} ({column}) innehåller en formel utan uträknat värde i filen ({formula}){more}. Programmet som skrev filen räknade inte ut formlerna. Öppna arbetsboken i Excel eller LibreOffice och spara den, så räknas värdena ut, och kör sedan igen." },
  CELL_INVALID: { severity: "error", text: "{cell} ({column}): värdet i filen kan inte läsas, {value}. Filen är skadad eller skriven av ett program som inte följer formatet; öppna och spara den i Excel och kör igen." },
  TEXT_TRUNCATED: { severity: "notice", text: "{cell}: texten är längre än 32 767 tecken, det mesta en cell i Excel rymmer, och har kortats." },
  VALUE_REQUIRED: { severity: "error", text: "{cell}: ”{column}” är tom på en rad som har andra uppgifter." },
  TYPE_UNKNOWN: { severity: "error", text: "{cell}: typen ”{value}” är okänd. Använd Intäkt, Kostnad, Finansiell eller Över-/underskott." },
  CARRYOVER_TYPE_SUSPECT: { severity: "notice", text: "{cell}: posten ”{item}” låter som ett över- eller underskott från tidigare år men har typen ”{value}”. Är det ett rullat över-/underskott, ange typen Över-/underskott så att det redovisas efter årets resultat." },
  DIRECTION_UNKNOWN: { severity: "error", text: "{cell}: riktningen ”{value}” är okänd. Använd Högre eller Lägre." },
  SCALE_OUT_OF_RANGE: { severity: "error", text: "{cell}: {column} ska vara ett heltal från 1 till {max}, men är {value}." },
  HIDDEN_ROW_INCLUDED: { severity: "notice", text: "{range} har {count} dolda rader (den första är {cell}); de räknas med, som alla rader i området." },
  TOLERANCE_NEGATIVE: { severity: "error", text: "{cell}: Tolerans kan inte vara negativ ({value})." },

  // Matching and meaning
  KEY_DUPLICATE: { severity: "error", text: "{range} har samma rad två gånger ({key}): {cell} och {other}. Slå ihop raderna eller skilj dem åt med Ansvar eller Typ." },
  ACTUAL_AMBIGUOUS: { severity: "error", text: "Utfallsraden {cell} ({key}) passar flera budgetrader: {other}. Lägg till kolumnen Typ i Utfall så att raden kan kopplas rätt." },
  ACTUAL_WITHOUT_BUDGET: { severity: "notice", text: "{cell}: {key} har utfall men ingen budget och redovisas med budget 0." },
  ACTUAL_KIND_FROM_SIGN: { severity: "notice", text: "{cell}: {key} saknar budget och typ; den redovisas som {kind} utifrån beloppets tecken." },
  BUDGET_WITHOUT_ACTUAL: { severity: "notice", text: "{cell}: {key} har budget men inget utfall och redovisas med utfall 0." },
  FORECAST_BLANK: { severity: "notice", text: "{cell}: prognosen är tom; helårsbudgeten används som prognos för {key}." },
  YEAR_DIFFERS_FROM_MONTHS: { severity: "notice", text: "{cell}: Helår ({year}) skiljer sig från summan av månaderna ({sum}); Helår används för helåret." },
  SIGN_SUSPECT: { severity: "notice", text: "De flesta kostnaderna i {range} har motsatt tecken mot inställningen Teckenkonvention (”{convention}”). Är kostnaderna inmatade så, ändra inställningen till ”{suggestion}”." },
  SENSITIVITY_ITEM_UNKNOWN: { severity: "error", text: "{cell}: posten ”{value}” finns inte i Budget (och är inte Intäkt eller Kostnad)." },
  MEASURE_STATUS_UNKNOWN: { severity: "error", text: "{cell}: statusen ”{value}” är okänd. Använd Beslutad eller Ej beslutad (även Förslag)." },
  MEASURE_IN_FORECAST_UNKNOWN: { severity: "error", text: "{cell}: ”{value}” går inte att läsa som Ja eller Nej i Ingår i prognos." },
  INVESTMENT_SIGN_SUSPECT: { severity: "notice", text: "De flesta beloppen i {range} är {sign} (det första i {cell}), men utgifter ska anges med samma tecken som kostnader (inställningen Teckenkonvention är ”{convention}”). Kontrollera tecknen: avvikelserna får annars fel tecken." },
  INDICATOR_PERCENT_MISMATCH: { severity: "notice", text: "{cell}: Utfall och Mål för ”{indicator}” verkar vara skrivna på olika sätt (andel och procenttal); kontrollera raden." },

  // Settings
  SETTING_UNKNOWN: { severity: "notice", text: "{cell}: inställningen ”{key}” är okänd och används inte." },
  SETTING_INVALID: { severity: "error", text: "{cell}: inställningen {key} kan inte vara ”{value}”. {hint}" },
  SETTING_DUPLICATE: { severity: "error", text: "Inställningen {key} finns två gånger: {cell} och {other}." },

  // Failures (thrown): misuse and unreadable files
  USAGE: { severity: "failure", text: "{detail}\nAnvändning: uppfoljning <in.xlsx> --out <ut.xlsx> [--json <ut.json>] [--report-only]" },
  FILE_NOT_FOUND: { severity: "failure", text: "Filen {path} finns inte." },
  FILE_NOT_WORKBOOK: { severity: "failure", text: "Filen {path} är inte en Excel-arbetsbok (.xlsx) eller är skadad." },
  FILE_ENCRYPTED: { severity: "failure", text: "Filen {path} är lösenordsskyddad. Spara en kopia utan lösenord och kör igen." },
  FILE_LEGACY_FORMAT: { severity: "failure", text: "Filen {path} är i det gamla .xls-formatet. Spara den som .xlsx i Excel och kör igen." },
  OUT_IS_INPUT: { severity: "failure", text: "Utfilen får inte vara samma fil som indatafilen ({path}); indata ändras aldrig." },
  MACROS_NEED_XLSM: { severity: "failure", text: "Arbetsboken innehåller makron, som en .xlsx-fil inte får innehålla. Ge utfilen ändelsen .xlsm ({path} duger inte), eller kör med --report-only för en arbetsbok med bara rapporten." },
  OUT_NEEDS_XLSX: { severity: "failure", text: "Utfilen ska heta .xlsx ({path} duger inte): arbetsboken har inga makron, och Excel öppnar inte en sådan fil med ändelsen .xlsm." },
  FILE_UNREADABLE: { severity: "failure", text: "Filen {path} kunde inte läsas: {detail}." },
  WRITE_FAILED: { severity: "failure", text: "Kunde inte skriva {path}: {detail}. Ingen utfil skrevs." },
  JSON_IS_OUT: { severity: "failure", text: "--json och --out pekar på samma fil ({path}); ange två olika filer." },
  FILE_TOO_LARGE: { severity: "failure", text: "Filen {path} är större än {limit}, det största Uppföljning läser." },
  PACKAGE_TOO_MANY_PARTS: { severity: "failure", text: "Filen {path} består av {count} delar, fler än de {limit} en arbetsbok rimligen har. Filen läses inte." },
  PART_TOO_LARGE: { severity: "failure", text: "Delen {part} i {path} blir större än {limit} uppackad. Filen läses inte; den kan vara en så kallad zip-bomb." },
  PART_RATIO_TOO_HIGH: { severity: "failure", text: "Delen {part} i {path} växer mer än {limit} gånger när den packas upp, långt mer än en arbetsbok gör. Filen läses inte; den kan vara en så kallad zip-bomb." },
  PART_SIZE_MISMATCH: { severity: "failure", text: "Delen {part} i {path} packas upp till mer än den storlek filen själv anger. Filen är skadad eller gjord för att överbelasta den som läser den, och läses inte." },
  PACKAGE_INFLATED_TOO_LARGE: { severity: "failure", text: "Filen {path} blir större än {limit} uppackad. Filen läses inte." },
  PART_NAME_INVALID: { severity: "failure", text: "Filen {path} innehåller en del med ett otillåtet namn (”{part}”): namn som börjar med / eller innehåller .. eller \\ får inte finnas i en arbetsbok. Filen läses inte." },
  XML_DTD: { severity: "failure", text: "Delen {part} i {path} innehåller en DTD (dokumenttypsdeklaration), vilket en arbetsbok inte får ha. Filen läses inte." },
  XML_TOO_DEEP: { severity: "failure", text: "Delen {part} i {path} är nästlad i mer än {limit} nivåer. Filen läses inte." },
  XML_MALFORMED: { severity: "failure", text: "Delen {part} i {path} är inte giltig XML: {detail}. Filen är skadad; öppna och spara den i Excel och försök igen." },
  INTERNAL: { severity: "failure", text: "Ett oväntat fel inträffade i Uppföljning ({detail}). Ingen utfil skrevs och indatafilen är orörd. Rapportera gärna felet tillsammans med filen." },
  REPORT_SHEET_TAKEN: { severity: "failure", text: "Bladet ”{sheet}” finns redan och är inte en rapport från Uppföljning, så det skrivs inte över. Byt namn på bladet eller ange en annan Rapportflik i Inställningar." },
  REPORT_SHEET_IS_INPUT: { severity: "failure", text: "Rapportfliken ”{sheet}” innehåller indataområdet {range}. Ange en annan Rapportflik i Inställningar." },
  SETTINGS_NOT_CELLS: { severity: "failure", text: "Inställningarna sparades inte: namnet Inställningar är en formel eller flera områden, inte ett cellområde. Låt Inställningar peka på cellerna med rubriker och rader." },
  REPORT_SHEET_NAME_RESERVED: { severity: "failure", text: "Ett blad kan inte heta ”{sheet}” i Excel (namnet är reserverat). Ange en annan Rapportflik i Inställningar." },
  REPORT_REFUSED: { severity: "failure", text: "Rapporten skapades inte: {path} har {count} fel som måste rättas först." },

  // Failures reported by Excel itself (Office host), keyed by Excel's error code; see src/hosts/office/officeErrors.ts.
  EXCEL_ACCESS_DENIED: { severity: "failure", text: "Excel nekade åtkomst. Är arbetsboken skrivskyddad eller delad med begränsad behörighet?" },
  EXCEL_ACTIVITY_LIMIT: { severity: "failure", text: "Excel har nått en gräns för antalet ändringar. Försök igen om en stund." },
  EXCEL_API_NOT_FOUND: { severity: "failure", text: "Den här versionen av Excel saknar en funktion som tillägget behöver. Uppdatera Office." },
  EXCEL_GENERAL: { severity: "failure", text: "Excel kunde inte slutföra ändringen. Försök igen; kvarstår felet, spara och öppna arbetsboken på nytt." },
  EXCEL_INSERT_DELETE_CONFLICT: { severity: "failure", text: "Excel kunde inte infoga eller ta bort celler på grund av en konflikt (t.ex. en sammanfogad cell)." },
  EXCEL_INVALID_ARGUMENT: { severity: "failure", text: "Excel tog inte emot ett värde från tillägget." },
  EXCEL_INVALID_OPERATION: { severity: "failure", text: "Excel tillät inte åtgärden. Försök igen; kvarstår felet, spara och öppna arbetsboken på nytt." },
  EXCEL_CELL_EDIT_MODE: { severity: "failure", text: "Excel är i redigeringsläge. Tryck Esc eller Enter i cellen och försök igen." },
  EXCEL_INVALID_REFERENCE: { severity: "failure", text: "En referens i arbetsboken är ogiltig." },
  EXCEL_ITEM_EXISTS: { severity: "failure", text: "Ett blad med samma namn finns redan." },
  EXCEL_ITEM_NOT_FOUND: { severity: "failure", text: "Ett blad eller namn som tillägget behöver hittades inte." },
  EXCEL_MERGED_CONFLICT: { severity: "failure", text: "Sammanfogade celler på rapportfliken hindrade uppdateringen. Ta bort sammanfogningen och försök igen." },
  EXCEL_NOT_IMPLEMENTED: { severity: "failure", text: "Den här versionen av Excel saknar en funktion som tillägget behöver. Uppdatera Office." },
  EXCEL_RANGE_TOO_LARGE: { severity: "failure", text: "Ett område är för stort för att läsas i Excel på en gång." },
  EXCEL_REQUEST_ABORTED: { severity: "failure", text: "Excel avbröt begäran. Försök igen." },
  EXCEL_REQUEST_TOO_LARGE: { severity: "failure", text: "Rapporten blev för stor för en enda överföring till Excel." },
  EXCEL_RESPONSE_TOO_LARGE: { severity: "failure", text: "Indataområdena är för stora för att läsas på en gång i Excel på webben." },
  EXCEL_UNAUTHENTICATED: { severity: "failure", text: "Inloggningen behöver förnyas." },
  EXCEL_CONFLICT: { severity: "failure", text: "Arbetsboken ändrades samtidigt av någon annan. Försök igen." },
  EXCEL_OTHER: { severity: "failure", text: "Rapporten kunde inte uppdateras: {detail}. Den tidigare rapporten är orörd." },
} as const;

export type MessageCode = keyof typeof MESSAGES;
export type FindingCode = { [K in MessageCode]: (typeof MESSAGES)[K]["severity"] extends "failure" ? never : K }[MessageCode];
export type FailureCode = Exclude<MessageCode, FindingCode>;
