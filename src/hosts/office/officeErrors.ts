/// <reference types="office-js" />
import { UppfoljningError } from "../../findings/errors";

const OFFICE_CODES: Record<string, string> = {
  AccessDenied: "Excel nekade åtkomst. Är arbetsboken skrivskyddad eller delad med begränsad behörighet?",
  ActivityLimitReached: "Excel har nått en gräns för antalet ändringar. Försök igen om en stund.",
  GeneralException: "Excel kunde inte slutföra ändringen. Försök igen; kvarstår felet, spara och öppna arbetsboken på nytt.",
  InsertDeleteConflict: "Excel kunde inte infoga eller ta bort celler på grund av en konflikt (t.ex. en sammanfogad cell).",
  InvalidArgument: "Excel tog inte emot ett värde från tillägget.",
  InvalidOperation: "Åtgärden är inte tillåten just nu. Avsluta cellredigering (Esc) och försök igen.",
  InvalidReference: "En referens i arbetsboken är ogiltig.",
  ItemAlreadyExists: "Ett blad med samma namn finns redan.",
  ItemNotFound: "Ett blad eller namn som tillägget behöver hittades inte.",
  NotImplemented: "Den här versionen av Excel saknar en funktion som tillägget behöver. Uppdatera Office.",
  RequestAborted: "Excel avbröt begäran. Försök igen.",
  RequestPayloadSizeLimitExceeded: "Rapporten blev för stor för en enda överföring till Excel.",
  ResponsePayloadSizeLimitExceeded: "Indataområdena är för stora för att läsas på en gång i Excel på webben.",
  Unauthenticated: "Inloggningen behöver förnyas.",
  Conflict: "Arbetsboken ändrades samtidigt av någon annan. Försök igen.",
  EditModeNotAllowed: "Excel är i redigeringsläge. Tryck Esc eller Enter i cellen och försök igen.",
};

/** A Swedish message for anything thrown during a refresh: our own errors, Office.js errors, or other failures. */
export function swedishError(e: unknown): string {
  if (e instanceof UppfoljningError) return e.message;
  const code = (e as { code?: string })?.code;
  if (code && OFFICE_CODES[code]) return `${OFFICE_CODES[code]} (${code})`;
  const msg = e instanceof Error ? e.message : String(e);
  return `Rapporten kunde inte uppdateras: ${msg}. Den tidigare rapporten är orörd.`;
}
