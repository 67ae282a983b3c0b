/** Units an amount can be expressed in. */
export type AmountUnit = "kr" | "tkr" | "mkr";

/** Each unit as a power of ten kronor. */
export const UNIT_EXPONENT: Readonly<Record<AmountUnit, number>> = { kr: 0, tkr: 3, mkr: 6 };

/** The factor that turns an amount in `from` into one in `to`. */
export function unitFactor(from: AmountUnit, to: AmountUnit): number {
  const shift = UNIT_EXPONENT[from] - UNIT_EXPONENT[to];
  return shift >= 0 ? 10 ** shift : 1 / 10 ** -shift;
}
