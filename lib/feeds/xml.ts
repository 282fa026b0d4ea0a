/**
 * A small XML element tree and its writer, for the Atom and RSS feeds: text and attribute values
 * are always escaped by the writer, never spliced into markup by hand.
 */
export type XmlNode = { name: string; attrs?: Record<string, string | undefined>; children?: (XmlNode | string | null | undefined)[] };

export const el = (name: string, attrs: XmlNode["attrs"] = {}, ...children: XmlNode["children"] & unknown[]): XmlNode => ({
  name,
  attrs,
  children,
});

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** XML 1.0 text: escape markup and drop characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function write(node: XmlNode, out: string[], indent: string): void {
  const attrs = Object.entries(node.attrs ?? {})
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  const children = (node.children ?? []).filter((c): c is XmlNode | string => c !== null && c !== undefined);
  if (children.length === 0) {
    out.push(`${indent}<${node.name}${attrs}/>\n`);
  } else if (children.every((c) => typeof c === "string")) {
    out.push(`${indent}<${node.name}${attrs}>${children.map((c) => escapeXml(c as string)).join("")}</${node.name}>\n`);
  } else {
    out.push(`${indent}<${node.name}${attrs}>\n`);
    for (const c of children) {
      if (typeof c === "string") out.push(`${indent}  ${escapeXml(c)}\n`);
      else write(c, out, `${indent}  `);
    }
    out.push(`${indent}</${node.name}>\n`);
  }
}

export function toXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(root, out, "");
  return out.join("");
}
