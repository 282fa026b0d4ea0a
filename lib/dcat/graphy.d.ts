declare module "@graphy/content.xml.scribe" {
  /** graphy's streaming RDF/XML writer: a Transform from RDF/JS quads to RDF/XML text. */
  export default function createXmlScribe(options?: { prefixes?: Record<string, string> }): NodeJS.ReadWriteStream;
}
