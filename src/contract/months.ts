/** The month columns of the contract: Jan…Dec, also written out (Januari …). */
import { ColumnSpec } from "./table";

export const MONTH_KEYS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;
export const MONTH_HEADERS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];
const MONTH_LONG = ["Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober", "November", "December"];
export const MONTH_COLUMNS: ColumnSpec[] = MONTH_KEYS.map((key, i) => ({ key, header: MONTH_HEADERS[i], aliases: [MONTH_LONG[i]] }));
