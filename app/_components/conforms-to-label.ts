/** A short name for a specification URI: EPSG codes as "EPSG:25833", else the URI itself. */
export function conformsToLabel(uri: string): string {
  const epsg = /EPSG\/(?:\d+\/)?(\d+)\/?$/i.exec(uri) ?? /EPSG::?(\d+)$/i.exec(uri);
  return epsg ? `EPSG:${epsg[1]}` : uri;
}
