/** Writes a parsed (and perhaps edited) part back as UTF-8 XML, its text escaped by escape.ts. */
import { escapeAttr, escapeText } from "./escape";
import { XmlDocument, XmlElement, XmlNode, XmlOther } from "./tree";

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
