/**
 * The report's own sentences, keyed by what they say, each with typed parameters: the notes under tables, the
 * legends and every sentence of the written analysis. It is the prose half of the product's one catalogue of user
 * text (the other half, findings/messages.ts, holds what is said about the workbook's data and sits below the engine;
 * prose needs the report's grammar and amounts, so it lives here, above them). A phrase is built by the grammar
 * (grammar.ts), never by concatenating Swedish, so that agreement, number words and punctuation come out right for
 * every count and sign; report code picks phrases and passes figures, and writes no Swedish of its own.
 */
import { ItemKind } from "../../core/kinds";
import { Adjective, agree, counted, countWord, digits, inSentence, list, paragraph, Part, phrase, sentence } from "./grammar";
import { roundReport } from "../../engine/amounts";
import { A, N } from "./lexicon";
import { betterOrWorse, formatNumber, higherOrLower, percentSize, percentWords, probabilityText, Voice } from "./words";

/** A line of the income statement as a sentence names it. */
export interface Line {
  item: string;
  kind: ItemKind;
}

/** A name in a list: quoted when it holds a comma or an "och" of its own, so the list stays readable. */
function listed(name: string): string {
  const n = inSentence(name);
  return /,| och /.test(n) ? `”${n}”` : n;
}

/** "4,0 mnkr bättre än en budget i balans", "i nivå med ett budgeterat resultat på +1,0 mnkr". */
function againstBudget(v: Voice, difference: number, budget: number): string {
  const budgetText = v.isZero(budget) ? "en budget i balans" : phrase("ett budgeterat resultat på", v.signed(budget));
  return v.isZero(difference) ? phrase("i nivå med", budgetText) : phrase(v.size(difference), betterOrWorse(difference), "än", budgetText);
}

export type IndicatorCounts = { total: number; met: number; partlyMet: number; notMet: number; notAssessable: number };

const STATUS_ADJ: Record<"met" | "partlyMet" | "notMet", Adjective> = { met: A.uppfylld, partlyMet: A.delvisUppfylld, notMet: A.inteUppfylld };

export const PHRASES = {
  // ---- notes under tables -------------------------------------------------------------------------------------
  /** Under a table where a printed sum differs from its printed parts. */
  roundingDifferences: (): string => sentence("avrundningsdifferenser kan förekomma"),
  /** Under a table whose parts were rounded to add up (Avrundning = Summerbar). */
  roundedToSum: (): string => sentence("beloppen är avrundade så att delarna summerar till summorna"),
  /** Under the resultaträkning: how to read the signs. */
  signLegend: (): string => sentence("intäkter redovisas som positiva belopp och kostnader som negativa. En positiv avvikelse är gynnsam: högre intäkter eller lägre kostnader än budget"),
  investmentSigns: (): string => sentence("utgifter anges med minustecken. En positiv avvikelse betyder att mindre pengar används än budgeterat"),
  indicatorLegend: (): string =>
    sentence("status: uppfyllt när utfallet når målet, delvis uppfyllt inom toleransen, annars ej uppfyllt. Trenden jämför med föregående mätning: pilen visar åt vilket håll värdet rört sig, grönt är bättre och rött sämre"),
  genderLegend: (): string =>
    sentence("kolumnerna Totalt gäller alla medarbetare, och det är det värdet som bedöms mot målet. Förändringen jämför Totalt med föregående mätning, för andelar i procentenheter (p.e.): grönt är bättre och rött sämre"),
  sensitivityLegend: (): string => sentence("effekten gäller helåret. En lika stor förändring åt andra hållet ger samma effekt med omvänt tecken"),
  noMeasures: (): string => sentence("inga åtgärder"),
  accountsIntro: (): string => sentence("kontona i huvudboken som utgör varje post, per ansvar och störst först. Kontonas summa är postens belopp i resultaträkningen"),
  orphansIntro: (): string => sentence("raderna nedan fanns i förra versionen av rapporten. Förklaringarna sparas här tills du flyttar eller tar bort dem"),
  riskLevels: (t: { medium: number; high: number; veryHigh: number; max: number }): string =>
    sentence(`riskvärde = sannolikhet × konsekvens. Nivåer: låg 1–${t.medium - 1}, medel ${t.medium}–${t.high - 1}, hög ${t.high}–${t.veryHigh - 1}, mycket hög ${t.veryHigh}–${t.max}`),
  /** A risk's economic consequence in its text cell (where the table has no room for columns of its own). */
  riskEconomicConsequence: (p: { consequence: number; probability: number | null; expected: number | null }, v: Voice): string =>
    p.probability === null || p.expected === null
      ? sentence("ekonomisk konsekvens", v.signed(p.consequence), "om risken inträffar (ovägd)")
      : sentence("ekonomisk konsekvens", v.signed(p.consequence), "om risken inträffar; med sannolikheten", probabilityText(p.probability), "är den väntade effekten", v.signed(p.expected)),
  /** Under the risk table: what Ekonomisk konsekvens is and how it is signed. */
  riskConsequenceLegend: (): string => sentence("ekonomisk konsekvens är effekten på årets resultat om risken inträffar, med minustecken för en förlust. Väntad effekt är sannolikheten gånger konsekvensen"),
  /** Under the risk table when some consequences have no probability: they are shown unweighted, and why. */
  risksUnweighted: (p: { missing: number; withConsequence: number }): string =>
    sentence(
      p.missing === 1 && p.withConsequence === 1
        ? "risken saknar sannolikhet i procent, så dess ekonomiska konsekvens visas ovägd"
        : p.missing === p.withConsequence
          ? phrase("riskerna saknar sannolikhet i procent, så deras ekonomiska konsekvenser visas ovägda")
          : phrase(countWord(p.missing, N.risk), "av de", countWord(p.withConsequence, N.risk), "riskerna med ekonomisk konsekvens saknar sannolikhet i procent och visas ovägda"),
      ". Ingen sannolikhet antas utifrån en nivå: ange kolumnen Sannolikhet % eller inställningen Sannolikhet per nivå för att få den väntade effekten",
    ),
  /** Under the risk table when some probabilities come from the setting Sannolikhet per nivå. */
  riskLevelProbabilities: (p: { levels: number[] }): string =>
    sentence(
      "där en risk saknar egen sannolikhet i procent gäller inställningen Sannolikhet per nivå:",
      list(p.levels.map((share, i) => phrase("nivå", String(i + 1), probabilityText(share)))),
    ),
  /** Under the non-recurring items' table. */
  nonRecurringNote: (p: { carryover: boolean }): string =>
    sentence("beloppen ingår redan i utfallet och prognosen. Resultatet exklusive jämförelsestörande poster är årets resultat", p.carryover && "före över-/underskott", "minus posterna"),
  /** Under the Kostnadsutveckling table: what the change is and how it is signed. */
  changeLegend: (): string =>
    sentence("förändringen jämför periodens utfall med samma period föregående år: plus är en ökning och minus en minskning av intäkten eller kostnaden. Grönt är gynnsamt för resultatet och rött ogynnsamt"),
  /** Under Driftredovisning per ansvar: what each ansvar's forecast carries from earlier years. */
  responsibilityCarryover: (p: { items: { name: string; forecast: number }[] }, v: Voice): string =>
    sentence(
      p.items.length === 1 ? "i ansvarets prognos ingår rullat över-/underskott:" : "i ansvarens prognoser ingår rullat över-/underskott:",
      list(p.items.map((i) => phrase(i.name, v.signed(i.forecast)))),
    ),
  /** Under the table of each ansvar's revenue and costs: what the columns cover, and which ansvar are in it. */
  responsibilityKinds: (p: { period: string; budgetYear: boolean; forecast: boolean; all: boolean }): string =>
    sentence(
      "utfall och budget gäller", p.period,
      (p.budgetYear || p.forecast) && phrase(",", list([p.budgetYear && "budget helår", p.forecast && "prognos"].filter((x): x is string => !!x)), "hela året"),
      ".",
      p.all ? "Intäkter minus kostnader är ansvarets netto före finansiella poster och över-/underskott" : "Tabellen tar upp de ansvar som har både intäkter och kostnader",
    ),
  /** Under the measures' tables when some savings land at another nämnd or party. */
  measuresElsewhereNote: (p: { thisYear: number; nextYear: number }, v: Voice): string =>
    sentence(
      "åtgärder vars besparing hamnar hos en annan nämnd eller part (Effekt hos) ingår i summorna men inte i prognosen inklusive ej beslutade åtgärder, eftersom de inte förbättrar nämndens resultat:",
      list([!v.isZero(p.thisYear) && phrase(v.size(p.thisYear), "i år"), !v.isZero(p.nextYear) && phrase(v.size(p.nextYear), "nästa år")].filter((x): x is string => !!x)),
    ),
  moreAccounts: (p: { count: number }): string => sentence("… och", counted(p.count, N.konto), "till. Alla konton finns i siffrorna från kommandoraden (--json)"),
  moreNotices: (p: { count: number }): string => sentence("… och", counted(p.count, N.notering), "till"),

  // ---- the year's forecast ------------------------------------------------------------------------------------
  /** "Servicenämnden prognostiserar för helåret ett överskott på 4,0 mnkr, 4,0 mnkr bättre än en budget i balans." */
  forecast: (p: { who: string; forecast: number; variance: number; budget: number }, v: Voice): string =>
    sentence(p.who, "prognostiserar för helåret", v.result(p.forecast), ",", againstBudget(v, p.variance, p.budget)),
  /** With a surplus or deficit carried from earlier years: the forecast including it, then excluding it. */
  forecastWithCarryover: (p: { who: string; including: number; carried: number; excluding: number; variance: number; budget: number }, v: Voice): string[] => {
    const deficit = p.carried < 0;
    return [
      sentence(p.who, "prognostiserar för helåret", v.result(p.including), "inklusive", deficit ? "rullat underskott" : "rullat överskott", "från tidigare år på", v.size(p.carried)),
      sentence("exklusive det", deficit ? "rullade underskottet" : "rullade överskottet", "är prognosen", v.result(p.excluding), ",", againstBudget(v, p.variance, p.budget)),
    ];
  },

  // ---- the period's result ------------------------------------------------------------------------------------
  periodResult: (p: { period: string; actual: number; variance: number; budget: number; excludingCarryover: boolean }, v: Voice): string =>
    sentence(
      "resultatet för", p.period, "är", v.signed(p.actual), p.excludingCarryover && "exklusive över-/underskott", ",",
      v.isZero(p.variance)
        ? phrase("i nivå med budget för perioden (", v.signed(p.budget), ")")
        : phrase("vilket är", v.size(p.variance), betterOrWorse(p.variance), "än budget för perioden (", v.signed(p.budget), ")"),
    ),
  /** "Inklusive rullat underskott på 4,7 mnkr är resultatet +11,0 mnkr, 2,8 mnkr sämre än budget för perioden." */
  periodWithCarryover: (p: { carried: number; including: number; variance: number }, v: Voice): string =>
    sentence(
      "inklusive", p.carried < 0 ? "rullat underskott" : "rullat överskott", "på", v.size(p.carried), "är resultatet", v.signed(p.including), ",",
      v.isZero(p.variance) ? "i nivå med budget för perioden" : phrase(v.size(p.variance), betterOrWorse(p.variance), "än budget för perioden"),
    ),
  priorYearResult: (p: { result: number; including: number | null }, v: Voice): string =>
    sentence("samma period föregående år var resultatet", v.signed(p.result), p.including !== null && phrase("(", v.signed(p.including), "inklusive över-/underskott", ")")),

  // ---- non-recurring items ------------------------------------------------------------------------------------
  /**
   * "Utfallet innehåller en jämförelsestörande post på +6,1 mnkr: reavinster vid försäljning av fordon. Exklusive den är
   * resultatet för perioden +9,6 mnkr före över-/underskott och prognosen för helåret −1,4 mnkr."
   */
  nonRecurring: (
    p: { names: string[]; actual: number; forecast: number | null; excludingActual: number; excludingForecast: number | null; carryover: boolean },
    v: Voice,
  ): string[] => {
    const n = p.names.length;
    const shown = p.names.length > 4 ? [...p.names.slice(0, 4).map(listed), phrase("ytterligare", counted(p.names.length - 4, N.jamforelsestorandePost))] : p.names.map(listed);
    const inActual = !v.isZero(p.actual);
    const first = inActual
      ? sentence("utfallet innehåller", counted(n, N.jamforelsestorandePost), n > 1 && "på sammanlagt", n === 1 && "på", v.signed(p.actual), ":", list(shown))
      : sentence("prognosen innehåller", counted(n, N.jamforelsestorandePost), n > 1 && "på sammanlagt", n === 1 && "på", v.signed(p.forecast ?? 0), ":", list(shown));
    return [
      first,
      sentence(
        n === 1 ? "exklusive den är resultatet för perioden" : "exklusive dem är resultatet för perioden",
        v.signed(p.excludingActual),
        p.carryover && "före över-/underskott",
        p.excludingForecast !== null && phrase("och prognosen för helåret", v.signed(p.excludingForecast)),
      ),
    ];
  },

  // ---- deviations ---------------------------------------------------------------------------------------------
  /** The largest negative and positive deviation against the period's budget, either or both. */
  periodDeviations: (p: { worst: (Line & { variance: number; share: number | null }) | null; best: (Line & { variance: number; share: number | null }) | null }, v: Voice): string[] => {
    const clause = (l: Line & { variance: number; share: number | null }) =>
      phrase(inSentence(l.item), ", som är", v.size(l.variance), higherOrLower(l.kind, l.variance), "än budgeterat", l.share !== null && phrase("(", percentSize(l.share), ")"));
    const out: string[] = [];
    if (p.worst) out.push(sentence("störst negativ avvikelse mot budget för perioden har", clause(p.worst)));
    if (p.best) out.push(sentence("störst positiv avvikelse", !p.worst && "mot budget för perioden", "har", clause(p.best)));
    if (!p.worst && !p.best) out.push(sentence("ingen post avviker från budget för perioden med mer än väsentlighetsgränsen"));
    return out;
  },
  /** "I prognosen mot helårsbudgeten har övriga intäkter den största negativa avvikelsen (−12,0 mnkr) och …" */
  forecastDeviations: (p: { worst: { name: string; amount: number } | null; best: { name: string; amount: number } | null; subject: "posts" | "responsibilities" }, v: Voice): string | null => {
    if (!p.worst && !p.best) return null;
    const name = (n: string) => (p.subject === "posts" ? inSentence(n) : n);
    return sentence(
      p.subject === "posts" ? "i prognosen mot helårsbudgeten har" : "för helåret har",
      p.worst && phrase(name(p.worst.name), p.subject === "posts" ? "den största negativa avvikelsen (" : "den största negativa prognosavvikelsen (", v.signed(p.worst.amount), ")"),
      p.worst && p.best && "och",
      p.best && phrase(name(p.best.name), p.worst ? "den största positiva (" : p.subject === "posts" ? "den största positiva avvikelsen (" : "den största positiva prognosavvikelsen (", v.signed(p.best.amount), ")"),
    );
  },
  /** "Bland ansvaren har Område 4 störst negativ avvikelse mot budget för perioden (−5,4 mnkr) och Område 2 störst positiv (+3,0 mnkr)." */
  responsibilityDeviations: (p: { worst: { name: string; amount: number } | null; best: { name: string; amount: number } | null }, v: Voice): string | null => {
    if (!p.worst && !p.best) return null;
    return sentence(
      "bland ansvaren har",
      p.worst && phrase(p.worst.name, "störst negativ avvikelse mot budget för perioden (", v.signed(p.worst.amount), ")"),
      p.worst && p.best && "och",
      p.best && phrase(p.best.name, p.worst ? "störst positiv" : "störst positiv avvikelse mot budget för perioden", "(", v.signed(p.best.amount), ")"),
    );
  },

  // ---- costs against last year --------------------------------------------------------------------------------
  costChange: (p: { before: number; now: number; change: number }, v: Voice): string =>
    Math.round(Math.abs(p.change) * 1000) === 0
      ? sentence("de totala kostnaderna är i nivå med samma period föregående år (", v.size(p.now), ")")
      : sentence("de totala kostnaderna har", p.change > 0 ? "ökat" : "minskat", "med", percentSize(p.change), "jämfört med samma period föregående år, från", v.size(p.before), "till", v.size(p.now)),

  /**
   * "Störst ökning i kronor har personalkostnader, som har ökat med 10,0 mnkr (3,4 %), följt av transporter (4,2 mnkr,
   * 27,9 %). Störst minskning i kronor har livsmedel, som har minskat med 3,7 mnkr (6,4 %)."
   */
  costMovers: (p: { increases: { item: string; change: number; share: number | null }[]; decrease: { item: string; change: number; share: number | null } | null }, v: Voice): string[] => {
    const out: string[] = [];
    const [top, next] = p.increases;
    if (top) {
      out.push(
        sentence(
          "störst ökning i kronor har", inSentence(top.item), ", som har ökat med", v.size(top.change), top.share !== null && phrase("(", percentSize(top.share), ")"),
          next && phrase(", följt av", inSentence(next.item), "(", v.size(next.change), next.share !== null && phrase(",", percentSize(next.share)), ")"),
        ),
      );
    }
    if (p.decrease) out.push(sentence("störst minskning i kronor har", inSentence(p.decrease.item), ", som har minskat med", v.size(p.decrease.change), p.decrease.share !== null && phrase("(", percentSize(p.decrease.share), ")")));
    return out;
  },

  // ---- measures -----------------------------------------------------------------------------------------------
  decidedMeasures: (p: { count: number; thisYear: number; nextYear: number; inForecast: "all" | "none" | "some" }, v: Voice): string =>
    sentence(
      p.count === 1 ? "den beslutade åtgärden beräknas spara" : "de beslutade åtgärderna beräknas spara",
      v.size(p.thisYear), "i år och", v.size(p.nextYear), "nästa år",
      ".",
      p.inForecast === "all" ? "Årets besparing ingår i prognosen" : p.inForecast === "none" ? "Årets besparing ingår inte i prognosen" : "En del av årets besparing ingår i prognosen",
    ),
  proposedMeasures: (p: { count: number; thisYear: number; nextYear: number }, v: Voice): string =>
    sentence(p.count === 1 ? "den åtgärd som ännu inte är beslutad skulle spara" : "de åtgärder som ännu inte är beslutade skulle spara", v.size(p.thisYear), "i år och", v.size(p.nextYear), "nästa år"),
  forecastWithMeasures: (p: { forecast: number; carryover: boolean }, v: Voice): string =>
    sentence("med årets effekt av de åtgärder som ännu inte ingår i prognosen väntas resultatet", p.carryover && "inklusive över-/underskott", "bli", v.signed(p.forecast)),
  /** "Av åtgärdernas besparingar hamnar 1,0 mnkr i år och 8,0 mnkr nästa år hos beställande nämnder och förbättrar därför inte nämndens resultat." */
  measuresElsewhere: (p: { thisYear: number; nextYear: number; at: string[] }, v: Voice): string =>
    sentence(
      "av åtgärdernas besparingar hamnar",
      list([!v.isZero(p.thisYear) && phrase(v.size(p.thisYear), "i år"), !v.isZero(p.nextYear) && phrase(v.size(p.nextYear), "nästa år")].filter((x): x is string => !!x)),
      "hos", list(p.at.map(inSentence)), "och förbättrar därför inte nämndens resultat",
    ),

  // ---- investments --------------------------------------------------------------------------------------------
  investments: (p: { actual: number; budget: number; forecast: number | null; variance: number | null }, v: Voice): string[] => [
    sentence("investeringarna uppgår till", v.size(p.actual), "för perioden, mot en helårsbudget på", v.size(p.budget)),
    p.forecast === null || p.variance === null
      ? ""
      : sentence("prognosen för helåret är", v.size(p.forecast), ",", v.isZero(p.variance) ? "i nivå med budget" : phrase(v.size(p.variance), p.variance > 0 ? "mindre" : "mer", "än budgeterat")),
  ],

  // ---- indicators ---------------------------------------------------------------------------------------------
  /** "Av åtta indikatorer är två uppfyllda, tre delvis uppfyllda och två inte uppfyllda; en kan ännu inte bedömas." */
  indicatorCounts: (c: IndicatorCounts): string => {
    const assessed = (["met", "partlyMet", "notMet"] as const).filter((s) => c[s] > 0);
    if (assessed.length === 0) return c.total === 1 ? sentence("indikatorn kan ännu inte bedömas") : sentence("ingen av de", countWord(c.total, N.indikator), N.indikator.plDef, "kan ännu bedömas");
    if (assessed.length === 1 && c.notAssessable === 0) {
      const status = assessed[0];
      if (c.total === 1) return sentence("den enda indikatorn är", STATUS_ADJ[status].utrum);
      // "Alla … är inte uppfyllda" would say that not all are: none is.
      if (status === "notMet") return sentence("ingen av de", countWord(c.total, N.indikator), N.indikator.plDef, "är uppfylld");
      return c.total === 2 ? sentence("båda indikatorerna är", STATUS_ADJ[status].plural) : sentence("alla", counted(c.total, N.indikator), "är", STATUS_ADJ[status].plural);
    }
    const parts = assessed.map((s) => phrase(countWord(c[s], N.indikator), agree(STATUS_ADJ[s], c[s], N.indikator)));
    return sentence("av", counted(c.total, N.indikator), "är", list(parts), c.notAssessable > 0 && phrase(";", countWord(c.notAssessable, N.indikator), "kan ännu inte bedömas"));
  },
  /** "Ej uppfyllda är sjukfrånvaro och svarstid i kundtjänst." */
  indicatorsNotMet: (p: { names: string[] }): string => {
    const shown = p.names.length > 5 ? [...p.names.slice(0, 5).map(listed), phrase("ytterligare", counted(p.names.length - 5, N.indikator))] : p.names.map(listed);
    return sentence(p.names.length === 1 ? "ej uppfylld är" : "ej uppfyllda är", list(shown));
  },

  // ---- risks --------------------------------------------------------------------------------------------------
  /** "Två risker har ett högt riskvärde: a (9) och b (8)." */
  risksAtLevel: (p: { level: "veryHigh" | "high"; risks: { name: string; value: number }[] }): string => {
    const names: Part[] = p.risks.slice(0, 4).map((r) => phrase(listed(r.name), "(", String(r.value), ")"));
    if (p.risks.length > 4) names.push(phrase("ytterligare", counted(p.risks.length - 4, N.risk)));
    const adj = p.level === "veryHigh" ? A.mycketHog : A.hog;
    return sentence(counted(p.risks.length, N.risk), "har ett", adj.neutrum, "riskvärde:", list(names.filter((n): n is string => !!n)));
  },
  /** "Vägda med sina sannolikheter väntas de tre risker som har en ekonomisk konsekvens försämra årets resultat med sammanlagt 1,3 mnkr; …" */
  riskExpected: (p: { count: number; total: number; largest: { name: string; effect: number } | null }, v: Voice): string =>
    sentence(
      p.count === 1 ? "vägd med sin sannolikhet väntas den risk som har en ekonomisk konsekvens" : phrase("vägda med sina sannolikheter väntas de", countWord(p.count, N.risk), "risker som har en ekonomisk konsekvens"),
      v.isZero(p.total) ? "inte påverka årets resultat" : phrase(p.total < 0 ? "försämra" : "förbättra", "årets resultat med", p.count > 1 && "sammanlagt", v.size(p.total)),
      p.count > 1 && p.largest && phrase("; störst väntad effekt har", listed(p.largest.name), "(", v.signed(p.largest.effect), ")"),
    ),
  /** "Två risker har en ekonomisk konsekvens, sammanlagt −8,0 mnkr om alla inträffar, men ingen sannolikhet i procent: …" */
  riskUnweighted: (p: { count: number; total: number; alsoWeighted: boolean }, v: Voice): string =>
    sentence(
      p.alsoWeighted && "ytterligare",
      counted(p.count, N.risk), "har en ekonomisk konsekvens",
      p.count === 1 ? phrase("på", v.signed(p.total), "om den inträffar") : phrase(", sammanlagt", v.signed(p.total), "om alla inträffar", ","),
      "men ingen sannolikhet i procent, så",
      p.count === 1 ? "dess väntade effekt kan inte beräknas" : "deras väntade effekt kan inte beräknas",
    ),
  noHighRisk: (p: { count: number }): string =>
    p.count === 1 ? sentence("risken har inte ett högt riskvärde") : sentence("ingen av de", countWord(p.count, N.risk), N.risk.plDef, "har ett högt riskvärde"),

  // ---- sensitivity --------------------------------------------------------------------------------------------
  /** "En kostnadsökning med en procent försämrar årets resultat med 8,4 mnkr." */
  sensitivity: (p: { factor: string; item: string | null; kind: ItemKind | null; change: number; effect: number }, v: Voice): string => {
    const amount = v.size(p.effect);
    const worsens = p.effect < 0;
    const pct = percentWords(p.change);
    if (p.kind === "cost") return sentence(p.change >= 0 ? "en kostnadsökning med" : "en kostnadsminskning med", pct, worsens ? "försämrar" : "förbättrar", "årets resultat med", amount);
    if (p.kind === "revenue") return sentence(p.change >= 0 ? "en intäktsökning med" : "ett intäktsbortfall på", pct, worsens ? "försämrar" : "förbättrar", "årets resultat med", amount);
    if (p.item !== null) return sentence("om", inSentence(p.item), p.change >= 0 ? "ökar" : "minskar", "med", pct, worsens ? "försämras" : "förbättras", "årets resultat med", amount);
    return sentence("faktorn", `”${p.factor.trim()}”`, "i känslighetsanalysen", worsens ? "försämrar" : "förbättrar", "årets resultat med", amount);
  },

  /**
   * Break-even of a factor: "Personalkostnader kan öka med 0,9 % innan årets resultat blir negativt"; with a negative
   * result, the improvement needed. Null when the result is exactly zero (nothing to say beyond the table).
   */
  breakEven: (p: { factor: string; item: string | null; kind: ItemKind | null; change: number; kind_: "allowance" | "improvement"; carryover: boolean }): string | null => {
    if (p.change === 0) return null;
    const subject = p.kind === "cost" ? "kostnaderna" : p.kind === "revenue" ? "intäkterna" : p.item !== null ? inSentence(p.item) : phrase("basen för", `”${p.factor.trim()}”`);
    const rounded = roundReport(Math.abs(p.change) * 100, 1);
    const size = rounded === 0 ? "mindre än 0,1\u00a0%" : percentSize(p.change, 1);
    const verb = p.change > 0 ? "öka" : "minska";
    const result = p.carryover ? "resultatet inklusive över-/underskott" : "årets resultat";
    return p.kind_ === "allowance"
      ? sentence(subject, "kan", verb, "med", size, "innan", result, "blir negativt")
      : sentence("för att", result, "ska nå noll behöver", subject, verb, "med", size);
  },
  breakEvenLegend: (): string =>
    sentence("förändring till nollresultat är den förändring av faktorns bas som gör prognosens resultat (inklusive eventuellt över-/underskott) till noll: med ett positivt resultat hur mycket basen kan ändras innan resultatet blir negativt, med ett negativt resultat hur mycket den behöver ändras. Ett streck betyder att faktorn ensam inte kan ta resultatet till noll"),

  // ---- the forecast's history and interval --------------------------------------------------------------------
  /** "Prognosen för årets resultat har förbättrats med 1,2 mnkr sedan april, till +23,0 mnkr." */
  forecastChange: (p: { month: string; change: number; forecast: number; largest: { item: string; change: number } | null }, v: Voice): string =>
    paragraph(
      v.isZero(p.change)
        ? sentence("prognosen för årets resultat är oförändrad sedan", p.month, ",", v.signed(p.forecast))
        : sentence("prognosen för årets resultat har", p.change > 0 ? "förbättrats" : "försämrats", "med", v.size(p.change), "sedan", p.month, ", till", v.signed(p.forecast)),
      p.largest && !v.isZero(p.largest.change) && sentence("den största förändringen gäller", inSentence(p.largest.item), "(", v.signed(p.largest.change), ")"),
    ),
  /** The note under Prognosförändring's columns. */
  forecastChangeLegend: (p: { month: string }): string =>
    sentence(`förändring är helårsprognosen nu jämfört med prognosen i ${p.month}. Ett positivt belopp betyder en bättre prognos: högre intäkter eller lägre kostnader`),
  /** Under Prognossäkerhet's table. */
  accuracyLegend: (): string =>
    sentence("differens är utfallet för helåret minus prognosen; ett positivt belopp betyder att året slutade bättre än prognosen. Procenten är differensen i förhållande till årets totala kostnader, för ett ansvar ansvarets egna"),
  /** "Störst avvikelse hade prognosen i april 2024: resultatet blev 3,0 mnkr bättre än prognosen (0,8 % av kostnaderna)." */
  accuracyLargest: (p: { when: string; difference: number; share: number | null; count: number; responsibility: { name: string; when: string; difference: number } | null }, v: Voice): string =>
    v.isZero(p.difference)
      ? sentence(p.count === 1 ? "prognosen för årets resultat stämde med utfallet" : "prognoserna för årets resultat stämde med utfallet")
      : paragraph(
          sentence(
            p.count === 1 ? "prognosen i" : "störst avvikelse hade prognosen i",
            p.when,
            ": resultatet blev",
            v.size(p.difference),
            betterOrWorse(p.difference),
            "än prognosen",
            p.share !== null && phrase("(", percentSize(p.share), "av kostnaderna", ")"),
          ),
          p.responsibility && !v.isZero(p.responsibility.difference) && sentence("per ansvar var avvikelsen störst för", p.responsibility.name, "i", p.responsibility.when, ",", v.size(p.responsibility.difference), betterOrWorse(p.responsibility.difference), "än prognosen"),
        ),
  /** "Med hänsyn till riskerna är sannolikheten för ett underskott 35 %; resultatet hamnar med 80 % sannolikhet mellan −6,1 och +1,2 mnkr." */
  interval: (p: { p10: number; p90: number; probabilityDeficit: number; risks: number; carryover: boolean }, v: Voice): string => {
    const q = p.probabilityDeficit;
    const chance = q === 0 ? "försumbar" : q < 0.005 ? "under 1\u00a0%" : q === 1 ? "i praktiken 100\u00a0%" : q > 0.995 ? "över 99\u00a0%" : `${Math.round(q * 100)}\u00a0%`;
    const subject = p.carryover ? "resultatet inklusive över-/underskott" : "resultatet";
    const range = v.isZero(p.p90 - p.p10)
      ? phrase("med 80\u00a0% sannolikhet på", v.signed(p.p10))
      : phrase("med 80\u00a0% sannolikhet mellan", formatNumber(p.p10, v.decimals, true), "och", v.signed(p.p90));
    return sentence(p.risks > 0 ? "med hänsyn till riskerna är sannolikheten för ett underskott" : "sannolikheten för ett underskott är", chance, ";", subject, "hamnar", range);
  },
  /** The note under the interval: draws, where the spread comes from, which risks are in it. */
  intervalNote: (p: { simulations: number; requested: number; source: "history" | "setting"; years: number[]; spread: { revenue: number; cost: number }; risks: number; risksWithout: number }): string =>
    paragraph(
      sentence(
        "intervallet bygger på", digits(p.simulations), "simuleringar",
        p.simulations < p.requested && phrase("(inte inställningens", digits(p.requested), ", eftersom posterna och riskerna är så många)"),
        "av årets återstående del (prognos minus utfall hittills) och av riskerna. P10 och P90 är de nivåer som resultatet med 10\u00a0% sannolikhet hamnar under respektive över; P50 är medianen",
      ),
      p.source === "history"
        ? sentence("spridningen kommer från hur prognoserna vid samma period träffade utfallet", p.years.length > 0 && phrase("åren", list(p.years.map(String))))
        : sentence("spridningen kommer från inställningen Prognososäkerhet: en standardavvikelse på", percentSize(p.spread.revenue), "av den återstående delen för intäkter och", percentSize(p.spread.cost), "för kostnader. Med minst tre tidigare år i Prognoshistorik tas den i stället från hur prognoserna träffade"),
      p.risks > 0
        ? sentence(counted(p.risks, N.risk), "med sannolikhet och ekonomisk konsekvens", "ingår", p.risksWithout > 0 && phrase(";", counted(p.risksWithout, N.risk), "utan sannolikhet i procent ingår inte"))
        : sentence("inga risker ingår: det behövs både en sannolikhet i procent och en ekonomisk konsekvens", p.risksWithout > 0 && phrase("(", counted(p.risksWithout, N.risk), "saknar sannolikhet", ")")),
    ),

  // ---- charts (their alt text, read by screen readers, and the note over their cells) -------------------------
  chartDataIntro: (): string =>
    sentence("diagrammen i rapporten ritas från tabellerna ovan och från cellerna här, som skrivs om vid varje uppdatering. Den som läser rapporten på papper ser diagrammen men inte dessa celler"),
  /** What a chart of deviations per post or per ansvar shows, and its largest deviations. */
  varianceChartAlt: (
    p: { subject: "posts" | "responsibilities"; period: string; forecast: boolean; worst: { name: string; amount: number } | null; best: { name: string; amount: number } | null; left: number },
    v: Voice,
  ): string => {
    const name = (n: string) => (p.subject === "posts" ? inSentence(n) : n);
    return paragraph(
      sentence("liggande staplar visar för", p.subject === "posts" ? "varje post" : "varje ansvar", "avvikelsen mot budget för", p.period, p.forecast && "och, ljusare, prognosens avvikelse mot helårsbudgeten"),
      sentence("gröna staplar är gynnsamma och röda ogynnsamma"),
      (p.worst || p.best) &&
        sentence(
          "mot budget för perioden har",
          p.worst && phrase(name(p.worst.name), "störst negativ avvikelse (", v.signed(p.worst.amount), ")"),
          p.worst && p.best && "och",
          p.best && phrase(name(p.best.name), "störst positiv", !p.worst && "avvikelse", "(", v.signed(p.best.amount), ")"),
        ),
      p.left > 0 && sentence(p.left === 1 ? "en post utan avvikelse visas inte" : phrase(counted(p.left, N.post), "utan avvikelse visas inte")),
    );
  },
  /** The bridge from the full-year budget's result to the forecast's, step by step. */
  bridgeChartAlt: (p: { budget: number; forecast: number; steps: { name: string; amount: number }[]; left: number }, v: Voice): string => {
    const shown = p.steps.slice(0, 10).map((s) => phrase(inSentence(s.name), v.signed(s.amount)));
    if (p.steps.length > 10) shown.push(phrase("ytterligare", counted(p.steps.length - 10, N.post)));
    return paragraph(
      sentence("stående staplar går från helårsbudgetens resultat,", v.signed(p.budget), ", till prognosens resultat,", v.signed(p.forecast), shown.length > 0 && phrase(", med ett steg för varje post som avviker:", list(shown))),
      sentence("gröna steg förbättrar resultatet och röda försämrar det"),
      p.left > 0 && sentence(p.left === 1 ? "en post utan avvikelse visas inte" : phrase(counted(p.left, N.post), "utan avvikelse visas inte")),
    );
  },
  /** The tornado of the sensitivity analysis, the largest effect first. */
  tornadoChartAlt: (p: { factors: { name: string; effect: number }[] }, v: Voice): string => {
    const shown = p.factors.slice(0, 10).map((f) => phrase(`”${f.name.trim()}”`, v.signed(f.effect)));
    if (p.factors.length > 10) shown.push(phrase("ytterligare", counted(p.factors.length - 10, N.faktor)));
    return paragraph(
      sentence("liggande staplar visar hur mycket varje faktor i känslighetsanalysen påverkar årets resultat, störst effekt överst:", list(shown)),
      sentence("en ljusare stapel visar effekten av en lika stor förändring åt andra hållet. Röda staplar minskar resultatet och gröna ökar det"),
    );
  },
  /** The forecast of the result period by period, with its interval at the current period. */
  forecastChartAlt: (p: { first: string; last: string; forecast: number; budget: number; low: number | null; high: number | null }, v: Voice): string =>
    paragraph(
      sentence("linjen visar prognosen för årets resultat vid varje uppföljning från", p.first, "till", p.last, ", mot ett budgeterat resultat på", v.signed(p.budget)),
      sentence("den senaste prognosen är", v.signed(p.forecast)),
      p.low !== null && p.high !== null && sentence("resultatet hamnar med 80\u00a0% sannolikhet mellan", v.signed(p.low), "och", v.signed(p.high), "(P10 och P90)"),
    ),
} as const;
