/**
 * The words the report counts and agrees with. Each noun with its four forms and gender, each adjective or
 * participle with its three forms, so that sentences never spell an inflection by hand.
 */
import { adjective, noun } from "./grammar";

export const N = {
  risk: noun("risk", "risken", "risker", "riskerna", "utrum"),
  indikator: noun("indikator", "indikatorn", "indikatorer", "indikatorerna", "utrum"),
  atgard: noun("åtgärd", "åtgärden", "åtgärder", "åtgärderna", "utrum"),
  post: noun("post", "posten", "poster", "posterna", "utrum"),
  konto: noun("konto", "kontot", "konton", "kontona", "neutrum"),
  projekt: noun("projekt", "projektet", "projekt", "projekten", "neutrum"),
  ansvar: noun("ansvar", "ansvaret", "ansvar", "ansvaren", "neutrum"),
  notering: noun("notering", "noteringen", "noteringar", "noteringarna", "utrum"),
  faktor: noun("faktor", "faktorn", "faktorer", "faktorerna", "utrum"),
  rad: noun("rad", "raden", "rader", "raderna", "utrum"),
  mal: noun("mål", "målet", "mål", "målen", "neutrum"),
  riskvarde: noun("riskvärde", "riskvärdet", "riskvärden", "riskvärdena", "neutrum"),
  jamforelsestorandePost: noun("jämförelsestörande post", "jämförelsestörande posten", "jämförelsestörande poster", "jämförelsestörande posterna", "utrum"),
} as const;

export const A = {
  uppfylld: adjective("uppfylld", "uppfyllt", "uppfyllda"),
  delvisUppfylld: adjective("delvis uppfylld", "delvis uppfyllt", "delvis uppfyllda"),
  ejUppfylld: adjective("ej uppfylld", "ej uppfyllt", "ej uppfyllda"),
  inteUppfylld: adjective("inte uppfylld", "inte uppfyllt", "inte uppfyllda"),
  beslutad: adjective("beslutad", "beslutat", "beslutade"),
  hog: adjective("hög", "högt", "höga"),
  mycketHog: adjective("mycket hög", "mycket högt", "mycket höga"),
} as const;
