/**
 * The report's own sentences: notes under tables, legends and the written analysis, keyed by what they say, each
 * with typed parameters, as the message catalogue (findings/messages.ts) keeps the texts about the workbook's data.
 * A phrase is built by the grammar (grammar.ts), never by concatenating Swedish, so agreement, number words and
 * punctuation come out right for every count and sign.
 */
import { sentence } from "./grammar";

export const PHRASES = {
  /** Under a table where a printed sum differs from its printed parts. */
  roundingDifferences: (): string => sentence("avrundningsdifferenser kan förekomma"),
  /** Under a table whose parts were rounded to add up (Avrundning = Summerbar). */
  roundedToSum: (): string => sentence("beloppen är avrundade så att delarna summerar till summorna"),
  /** Under the resultaträkning: how to read the signs. */
  signLegend: (): string =>
    sentence("intäkter anges med plustecken och kostnader med minustecken. En positiv avvikelse är gynnsam: högre intäkter eller lägre kostnader än budget"),
  investmentSigns: (): string => sentence("utgifter anges med minustecken. En positiv avvikelse betyder att mindre pengar används än budgeterat"),
  indicatorLegend: (): string =>
    sentence("status: uppfyllt när utfallet når målet, delvis uppfyllt inom toleransen, annars ej uppfyllt. Trenden jämför med föregående mätning: pilen visar åt vilket håll värdet rört sig, grönt är bättre och rött sämre"),
  sensitivityLegend: (): string => sentence("effekten gäller helåret. En lika stor förändring åt andra hållet ger samma effekt med omvänt tecken"),
  noMeasures: (): string => sentence("inga åtgärder"),
} as const;
