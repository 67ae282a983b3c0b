/** Writes a parsed (and perhaps edited) part back as UTF-8 XML, and escapes text for the XML the package writes. */
import { XmlDocument, XmlElement, XmlNode, XmlOther } from "./tree";

/** Escapes text for element content. */
export function escapeText(s: string): string {
  let out = "";
  let last = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const rep = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : c === 13 ? "&#13;" : null;
    if (rep) {
      out += s.slice(last, k) + rep;
      last = k + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Escapes text for a double-quoted attribute value, keeping tabs and newlines as references. */
export function escapeAttr(s: string): string {
  let out = "";
  let last = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const rep = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : c === 34 ? "&quot;" : c === 9 ? "&#9;" : c === 10 ? "&#10;" : c === 13 ? "&#13;" : null;
    if (rep) {
      out += s.slice(last, k) + rep;
      last = k + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Serialises a document as UTF-8 with a declaration, keeping every prefix, attribute order, comment and PI. */
export function serializeXml(doc: XmlDocument): Buffer {
  const parts: string[] = [];
  const standalone = doc.declaration?.standalone;
  parts.push(`<?xml version="1.0" encoding="UTF-8"${standalone ? ` standalone="${standalone}"` : ""}?>`);
  const other = (o: XmlOther) => (o.kind === "comment" ? `<!--${o.raw}-->` : `<?${o.raw}?>`);
  for (const o of doc.before) parts.push(other(o));
  // Iterative, so depth never reaches the call stack.
  const stack: (XmlNode | { close: string })[] = [doc.root];
  while (stack.length) {
    const node = stack.pop() as XmlNode | { close: string };
    if ("close" in node) {
      parts.push(node.close);
      continue;
    }
    if (node instanceof XmlElement) {
      let open = `<${node.qname}`;
      for (const a of node.attrs) open += ` ${a.qname}="${escapeAttr(a.value)}"`;
      if (node.children.length === 0) {
        parts.push(open + "/>");
        continue;
      }
      parts.push(open + ">");
      stack.push({ close: `</${node.qname}>` });
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
    } else if (node.kind === "text") parts.push(escapeText(node.text));
    else parts.push(other(node));
  }
  for (const o of doc.after) parts.push(other(o));
  return Buffer.from(parts.join(""), "utf8");
}
