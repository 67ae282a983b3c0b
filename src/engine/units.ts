import { AmountUnit } from "./types";

const KRONOR: Record<AmountUnit, number> = { kr: 1, tkr: 1_000, mkr: 1_000_000 };

/** The factor that turns an amount in `from` into one in `to`. */
export function unitFactor(from: AmountUnit, to: AmountUnit): number {
  return KRONOR[from] / KRONOR[to];
}
