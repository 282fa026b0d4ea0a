import type { Labels } from "./types";

/**
 * The formats the catalogue knows, with the two flags the Open Data KPI reads. Order matters for
 * media-type-only lookups: the first entry that lists a media type owns it (image/tiff → TIFF,
 * text/xml → XML, application/zip → ZIP), so generic formats come before specific ones.
 */
export type FileTypeData = {
  /** In the EU file-type NAL (then `uri` is its NAL URI), or our own code with `uri: null`. */
  eu: boolean;
  label: Labels;
  /** Programs can read the data values themselves (not a picture or a document of them). */
  machineReadable: boolean;
  /** Open specification that free/open-source software can process (Open Definition 2.1, §1.4). */
  nonProprietary: boolean;
  /** One sentence explaining both flags. */
  reason: Labels;
  /** IANA (or common legacy) media types, lower case. */
  mediaTypes: readonly string[];
  /** Other names for the format, matched case- and accent-insensitively. */
  aliases: readonly string[];
  /** The format's specification; required for formats outside the EU list (RDF uses dct:conformsTo). */
  conformsTo?: string;
  service?: "WMS" | "WFS" | "WCS" | "WMTS" | "API";
};

const same = (text: string): Labels => ({ nb: text, nn: text, en: text });

const IMAGE: Labels = {
  nb: "Et bilde: folk kan se det, men programmer får ikke data ut av det; formatet er åpent",
  nn: "Eit bilete: folk kan sjå det, men program får ikkje data ut av det; formatet er ope",
  en: "An image: people can look at it, but programs get no data out of it; the format is open",
};
const LINKED_DATA: Labels = {
  nb: "W3C-standard for lenkede data som programmer leser direkte",
  nn: "W3C-standard for lenka data som program les direkte",
  en: "W3C standard for linked data that programs read directly",
};

export const FILE_TYPE_DATA = {
  // Tables and structured text
  CSV: {
    eu: true,
    label: same("CSV"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Tabell i ren tekst (RFC 4180) som alle programmer kan lese",
      nn: "Tabell i rein tekst (RFC 4180) som alle program kan lese",
      en: "A plain-text table (RFC 4180) that any program can read",
    },
    mediaTypes: ["text/csv", "application/csv", "text/comma-separated-values"],
    aliases: ["kommaseparert", "kommaseparerte verdier", "comma-separated values"],
  },
  TSV: {
    eu: true,
    label: same("TSV"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Tabell i ren tekst, skilt med tabulator",
      nn: "Tabell i rein tekst, skild med tabulator",
      en: "A plain-text table separated by tabs",
    },
    mediaTypes: ["text/tab-separated-values"],
    aliases: ["tabulatorseparert", "tab-separated values"],
  },
  JSON: {
    eu: true,
    label: same("JSON"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen standard (RFC 8259) for strukturerte data",
      nn: "Open standard (RFC 8259) for strukturerte data",
      en: "Open standard (RFC 8259) for structured data",
    },
    mediaTypes: ["application/json"],
    aliases: [],
  },
  XML: {
    eu: true,
    label: same("XML"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen W3C-standard for strukturerte data",
      nn: "Open W3C-standard for strukturerte data",
      en: "Open W3C standard for structured data",
    },
    mediaTypes: ["application/xml", "text/xml"],
    aliases: [],
  },
  XLSX: {
    eu: true,
    label: same("Excel (XLSX)"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Regneark i Office Open XML, en åpen ISO-standard (ISO/IEC 29500)",
      nn: "Rekneark i Office Open XML, ein open ISO-standard (ISO/IEC 29500)",
      en: "Spreadsheet in Office Open XML, an open ISO standard (ISO/IEC 29500)",
    },
    mediaTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    aliases: ["Office Open XML", "OOXML"],
  },
  // "Microsoft Excel" (as Geonorge writes it) does not say which Excel format; it is read as the
  // proprietary XLS, so a dataset is not counted as open on a guess. Publishers can say XLSX.
  XLS: {
    eu: true,
    label: same("Excel (XLS)"),
    machineReadable: true,
    nonProprietary: false,
    reason: {
      nb: "Regneark i Microsofts eldre binærformat, som er proprietært",
      nn: "Rekneark i det eldre binærformatet til Microsoft, som er proprietært",
      en: "Spreadsheet in Microsoft's older binary format, which is proprietary",
    },
    mediaTypes: ["application/vnd.ms-excel"],
    aliases: ["Microsoft Excel", "MS Excel", "Excel", "Excel 97-2003"],
  },
  ODS: {
    eu: true,
    label: same("OpenDocument (ODS)"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Regneark i OpenDocument, en åpen ISO-standard (ISO/IEC 26300)",
      nn: "Rekneark i OpenDocument, ein open ISO-standard (ISO/IEC 26300)",
      en: "Spreadsheet in OpenDocument, an open ISO standard (ISO/IEC 26300)",
    },
    mediaTypes: ["application/vnd.oasis.opendocument.spreadsheet"],
    aliases: ["OpenDocument Spreadsheet", "OpenDocument-regneark"],
  },
  TXT: {
    eu: true,
    label: { nb: "Ren tekst", nn: "Rein tekst", en: "Plain text" },
    machineReadable: false,
    nonProprietary: true,
    reason: {
      nb: "Ren tekst uten kjent struktur; programmer vet ikke hvordan dataene er ordnet",
      nn: "Rein tekst utan kjend struktur; program veit ikkje korleis dataa er ordna",
      en: "Plain text with no declared structure; programs cannot tell how the data is organised",
    },
    mediaTypes: ["text/plain"],
    aliases: ["Tekstfil", "Tekst", "Text"],
  },
  // Documents for people
  PDF: {
    eu: true,
    label: same("PDF"),
    machineReadable: false,
    nonProprietary: true,
    reason: {
      nb: "Dokument for lesing; programmer får ikke pålitelig data ut av det, selv om PDF er en åpen ISO-standard",
      nn: "Dokument for lesing; program får ikkje påliteleg data ut av det, sjølv om PDF er ein open ISO-standard",
      en: "A document for reading; programs cannot reliably get data out of it, though PDF is an open ISO standard",
    },
    mediaTypes: ["application/pdf"],
    aliases: ["PDF/A"],
  },
  HTML: {
    eu: true,
    label: { nb: "Nettside (HTML)", nn: "Nettside (HTML)", en: "Web page (HTML)" },
    machineReadable: false,
    nonProprietary: true,
    reason: {
      nb: "En nettside for folk, ikke data for programmer",
      nn: "Ei nettside for folk, ikkje data for program",
      en: "A web page for people, not data for programs",
    },
    mediaTypes: ["text/html", "application/xhtml+xml"],
    aliases: ["Nettside", "Webside", "Web page", "HTM", "XHTML"],
  },
  DOCX: {
    eu: true,
    label: same("Word (DOCX)"),
    machineReadable: false,
    nonProprietary: true,
    reason: {
      nb: "Tekstdokument for lesing; formatet er en åpen ISO-standard",
      nn: "Tekstdokument for lesing; formatet er ein open ISO-standard",
      en: "A text document for reading; the format is an open ISO standard",
    },
    mediaTypes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    aliases: [],
  },
  DOC: {
    eu: true,
    label: same("Word (DOC)"),
    machineReadable: false,
    nonProprietary: false,
    reason: {
      nb: "Tekstdokument i Microsofts eldre, proprietære format",
      nn: "Tekstdokument i det eldre, proprietære formatet til Microsoft",
      en: "A text document in Microsoft's older proprietary format",
    },
    mediaTypes: ["application/msword"],
    aliases: ["Microsoft Word", "MS Word", "Word"],
  },
  // Linked data
  RDF_TURTLE: {
    eu: true,
    label: same("RDF Turtle"),
    machineReadable: true,
    nonProprietary: true,
    reason: LINKED_DATA,
    mediaTypes: ["text/turtle"],
    aliases: ["Turtle", "TTL"],
  },
  RDF_XML: {
    eu: true,
    label: same("RDF/XML"),
    machineReadable: true,
    nonProprietary: true,
    reason: LINKED_DATA,
    mediaTypes: ["application/rdf+xml"],
    aliases: ["RDF"],
  },
  JSON_LD: {
    eu: true,
    label: same("JSON-LD"),
    machineReadable: true,
    nonProprietary: true,
    reason: LINKED_DATA,
    mediaTypes: ["application/ld+json"],
    aliases: ["JSONLD"],
  },
  RDF_N_TRIPLES: {
    eu: true,
    label: same("N-Triples"),
    machineReadable: true,
    nonProprietary: true,
    reason: LINKED_DATA,
    mediaTypes: ["application/n-triples"],
    aliases: ["N-Triples", "NTriples", "NT"],
  },
  RDF_N_QUADS: {
    eu: true,
    label: same("N-Quads"),
    machineReadable: true,
    nonProprietary: true,
    reason: LINKED_DATA,
    mediaTypes: ["application/n-quads"],
    aliases: ["NQuads", "NQ"],
  },
  RDF_TRIG: {
    eu: true,
    label: same("TriG"),
    machineReadable: true,
    nonProprietary: true,
    reason: LINKED_DATA,
    mediaTypes: ["application/trig"],
    aliases: [],
  },
  // Vector geodata
  SOSI: {
    eu: false,
    label: same("SOSI"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen norsk standard for geodata fra Kartverket; spesifikasjonen er fritt tilgjengelig og fri programvare (GDAL) leser formatet",
      nn: "Open norsk standard for geodata frå Kartverket; spesifikasjonen er fritt tilgjengeleg, og fri programvare (GDAL) les formatet",
      en: "Open Norwegian geodata standard from Kartverket; the specification is freely available and free software (GDAL) reads it",
    },
    mediaTypes: ["application/x-ogc-sosi"],
    aliases: ["SOSI-format", "SOSI-fil", "SOSI 4.0", "SOSI 4.5", "SOS"],
    conformsTo: "https://www.kartverket.no/geodataarbeid/standardisering/sosi-standarden",
  },
  // Esri owns the Shapefile but published its full specification (1998, "ESRI Shapefile Technical
  // Description") for anyone to implement, and GDAL/QGIS read and write it. That meets the Open
  // Definition's open-format test (processable by free software without restriction), so it counts
  // as non-proprietary. The File Geodatabase has no published specification, so it does not.
  SHP: {
    eu: true,
    label: { nb: "Esri Shapefil", nn: "Esri Shapefil", en: "Esri Shapefile" },
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Vektordata; Esri har publisert hele spesifikasjonen, og fri programvare leser og skriver formatet",
      nn: "Vektordata; Esri har publisert heile spesifikasjonen, og fri programvare les og skriv formatet",
      en: "Vector data; Esri published the full specification and free software reads and writes it",
    },
    mediaTypes: ["application/x-shapefile", "application/x-esri-shape"],
    aliases: ["ESRI Shape", "ESRI Shapefile", "Shapefile", "Shape", "Shapefil", "Shape-fil", "Shape file", "Esri shape file"],
  },
  GDB: {
    eu: true,
    label: { nb: "Esri filgeodatabase", nn: "Esri filgeodatabase", en: "Esri File Geodatabase" },
    machineReadable: true,
    nonProprietary: false,
    reason: {
      nb: "Vektordata i Esris lukkede format uten publisert spesifikasjon; full støtte krever Esri-programvare",
      nn: "Vektordata i det lukka formatet til Esri utan publisert spesifikasjon; full støtte krev Esri-programvare",
      en: "Vector data in Esri's closed format with no published specification; full support needs Esri software",
    },
    mediaTypes: ["application/x-filegdb"],
    aliases: ["ESRI Filgeodatabase", "ESRI Geodatabase", "File Geodatabase", "Filgeodatabase", "FGDB", "FileGDB", "Geodatabase"],
  },
  GML: {
    eu: true,
    label: same("GML"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen OGC- og ISO-standard (ISO 19136) for geodata som programmer leser direkte",
      nn: "Open OGC- og ISO-standard (ISO 19136) for geodata som program les direkte",
      en: "Open OGC and ISO standard (ISO 19136) for geodata that programs read directly",
    },
    mediaTypes: ["application/gml+xml"],
    aliases: ["GML3", "GML 3.2", "GML 3.2.1", "Geography Markup Language"],
  },
  GEOJSON: {
    eu: true,
    label: same("GeoJSON"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen standard (RFC 7946) for geodata i JSON",
      nn: "Open standard (RFC 7946) for geodata i JSON",
      en: "Open standard (RFC 7946) for geodata in JSON",
    },
    mediaTypes: ["application/geo+json", "application/vnd.geo+json"],
    aliases: ["Geo JSON"],
  },
  KML: {
    eu: true,
    label: same("KML"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen OGC-standard for geodata i XML",
      nn: "Open OGC-standard for geodata i XML",
      en: "Open OGC standard for geodata in XML",
    },
    mediaTypes: ["application/vnd.google-earth.kml+xml"],
    aliases: ["Keyhole Markup Language"],
  },
  KMZ: {
    eu: true,
    label: same("KMZ"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Komprimert KML, en åpen OGC-standard",
      nn: "Komprimert KML, ein open OGC-standard",
      en: "Zipped KML, an open OGC standard",
    },
    mediaTypes: ["application/vnd.google-earth.kmz"],
    aliases: [],
  },
  GPKG: {
    eu: true,
    label: same("GeoPackage"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen OGC-standard for geodata i en SQLite-database",
      nn: "Open OGC-standard for geodata i ein SQLite-database",
      en: "Open OGC standard for geodata in an SQLite database",
    },
    mediaTypes: ["application/geopackage+sqlite3"],
    aliases: ["OGC GeoPackage"],
  },
  SQL: {
    eu: true,
    label: { nb: "SQL-skript", nn: "SQL-skript", en: "SQL script" },
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "SQL-setninger i ren tekst; SQL er en ISO-standard",
      nn: "SQL-setningar i rein tekst; SQL er ein ISO-standard",
      en: "Plain-text SQL statements; SQL is an ISO standard",
    },
    mediaTypes: ["application/sql"],
    aliases: ["SQL dump"],
  },
  POSTGIS: {
    eu: false,
    label: { nb: "PostGIS-dump", nn: "PostGIS-dump", en: "PostGIS dump" },
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Databasedump for PostgreSQL/PostGIS; fri programvare laster inn geodataene direkte",
      nn: "Databasedump for PostgreSQL/PostGIS; fri programvare lastar inn geodataa direkte",
      en: "A PostgreSQL/PostGIS database dump; free software loads the geodata directly",
    },
    mediaTypes: ["application/sql"],
    aliases: ["PostGIS", "PostgreSQL/PostGIS", "PostgreSQL dump"],
    conformsTo: "https://postgis.net/documentation/",
  },
  SPATIALITE: {
    eu: false,
    label: same("SQLite/SpatiaLite"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "SQLite-database med geodata (SpatiaLite); fri programvare leser databasen direkte",
      nn: "SQLite-database med geodata (SpatiaLite); fri programvare les databasen direkte",
      en: "SQLite database with geodata (SpatiaLite); free software reads it directly",
    },
    mediaTypes: ["application/vnd.sqlite3", "application/x-sqlite3"],
    aliases: ["SQLite/SpatialLite", "SpatiaLite", "SpatialLite", "SQLite"],
    conformsTo: "https://www.gaia-gis.it/fossil/libspatialite/index",
  },
  DXF: {
    eu: true,
    label: same("DXF"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "CAD-tegning; Autodesk publiserer spesifikasjonen, og fri programvare leser formatet",
      nn: "CAD-teikning; Autodesk publiserer spesifikasjonen, og fri programvare les formatet",
      en: "CAD drawing; Autodesk publishes the specification and free software reads it",
    },
    mediaTypes: ["image/vnd.dxf"],
    aliases: ["AutoCAD DXF"],
  },
  DWG: {
    eu: true,
    label: same("DWG"),
    machineReadable: true,
    nonProprietary: false,
    reason: {
      nb: "CAD-tegning i Autodesks lukkede format uten publisert spesifikasjon",
      nn: "CAD-teikning i det lukka formatet til Autodesk utan publisert spesifikasjon",
      en: "CAD drawing in Autodesk's closed format with no published specification",
    },
    mediaTypes: ["image/vnd.dwg"],
    aliases: ["AutoCAD DWG"],
  },
  TAB: {
    eu: true,
    label: same("MapInfo TAB"),
    machineReadable: true,
    nonProprietary: false,
    reason: {
      nb: "Vektordata i MapInfos eget format; spesifikasjonen er ikke publisert",
      nn: "Vektordata i MapInfo sitt eige format; spesifikasjonen er ikkje publisert",
      en: "Vector data in MapInfo's own format; the specification is not published",
    },
    mediaTypes: ["application/x-tab"],
    aliases: ["MapInfo"],
  },
  // Raster and elevation data
  TIFF: {
    eu: true,
    label: same("TIFF"),
    machineReadable: false,
    nonProprietary: true,
    reason: IMAGE,
    mediaTypes: ["image/tiff"],
    aliases: ["TIF"],
  },
  GEOTIFF: {
    eu: true,
    label: same("GeoTIFF"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Georeferert raster med verdier som programmer leser; åpen OGC-standard",
      nn: "Georeferert raster med verdiar som program les; open OGC-standard",
      en: "Georeferenced raster whose values programs read; open OGC standard",
    },
    mediaTypes: ["image/tiff"],
    aliases: ["Geo TIFF", "GeoTIF", "TIFF/TFW", "TIF/TFW"],
  },
  JPEG: {
    eu: true,
    label: same("JPEG"),
    machineReadable: false,
    nonProprietary: true,
    reason: IMAGE,
    mediaTypes: ["image/jpeg"],
    aliases: ["JPG"],
  },
  PNG: {
    eu: true,
    label: same("PNG"),
    machineReadable: false,
    nonProprietary: true,
    reason: IMAGE,
    mediaTypes: ["image/png"],
    aliases: [],
  },
  // In geodata, JPEG 2000, MrSID and ECW carry georeferenced rasters that GIS software reads,
  // unlike a plain JPEG; they differ in whether the format is open.
  JPEG2000: {
    eu: true,
    label: same("JPEG 2000"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Georeferert raster (GMLJP2) i en åpen ISO-standard (ISO 15444) som GIS-programmer leser",
      nn: "Georeferert raster (GMLJP2) i ein open ISO-standard (ISO 15444) som GIS-program les",
      en: "Georeferenced raster (GMLJP2) in an open ISO standard (ISO 15444) that GIS software reads",
    },
    mediaTypes: ["image/jp2"],
    aliases: ["JP2", "GMLJP2"],
  },
  MRSID: {
    eu: true,
    label: same("MrSID"),
    machineReadable: true,
    nonProprietary: false,
    reason: {
      nb: "Georeferert raster i et lukket, patentert format (LizardTech/Extensis)",
      nn: "Georeferert raster i eit lukka, patentert format (LizardTech/Extensis)",
      en: "Georeferenced raster in a closed, patented format (LizardTech/Extensis)",
    },
    mediaTypes: ["image/x-mrsid", "image/x-mrsid-image"],
    aliases: ["SID"],
  },
  ECW: {
    eu: true,
    label: same("ECW"),
    machineReadable: true,
    nonProprietary: false,
    reason: {
      nb: "Georeferert raster i et lukket, patentert format (Hexagon)",
      nn: "Georeferert raster i eit lukka, patentert format (Hexagon)",
      en: "Georeferenced raster in a closed, patented format (Hexagon)",
    },
    mediaTypes: ["application/x-ecw"],
    aliases: ["ER Mapper ECW"],
  },
  GRID_ASCII: {
    eu: true,
    label: same("Esri ASCII Grid"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Høyde- eller rasterverdier i ren tekst, dokumentert av Esri og lest av fri programvare",
      nn: "Høgde- eller rasterverdiar i rein tekst, dokumentert av Esri og lesne av fri programvare",
      en: "Elevation or raster values as plain text, documented by Esri and read by free software",
    },
    mediaTypes: ["application/x-ascii-grid"],
    aliases: ["Arc ASCII Grid", "ArcInfo ASCII Grid", "ASCII Grid", "AAIGrid", "ASC"],
  },
  USGS_DEM: {
    eu: false,
    label: same("USGS DEM"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Høydemodell i ren tekst etter en offentlig USGS-standard; fri programvare leser formatet",
      nn: "Høgdemodell i rein tekst etter ein offentleg USGS-standard; fri programvare les formatet",
      en: "Elevation model as plain text in a public USGS standard; free software reads it",
    },
    mediaTypes: [],
    aliases: ["DEM (USGS)"],
    // USGS has no stable page for the old DEM standard; GDAL's driver page documents the format.
    conformsTo: "https://gdal.org/drivers/raster/usgsdem.html",
  },
  // The EU list's XYZ is the chemistry format (chemical/x-xyz), not point data, hence our own code.
  ASCII_XYZ: {
    eu: false,
    label: { nb: "Punkter (ASCII x,y,z)", nn: "Punkt (ASCII x,y,z)", en: "Points (ASCII x,y,z)" },
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Punkter som x, y, z i ren tekst; alle programmer kan lese dem",
      nn: "Punkt som x, y, z i rein tekst; alle program kan lese dei",
      en: "Points as x, y, z in plain text; any program can read them",
    },
    mediaTypes: [],
    aliases: ["ASCII x,y,z", "ASCII XYZ", "XYZ", "x,y,z"],
    conformsTo: "https://gdal.org/drivers/raster/xyz.html",
  },
  LAS: {
    eu: true,
    label: same("LAS"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Punktsky fra laserskanning i en åpen standard (ASPRS LAS)",
      nn: "Punktsky frå laserskanning i ein open standard (ASPRS LAS)",
      en: "Lidar point cloud in an open standard (ASPRS LAS)",
    },
    mediaTypes: ["application/x-las"],
    aliases: ["ASPRS LAS"],
  },
  LAZ: {
    eu: true,
    label: same("LAZ"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Komprimert LAS-punktsky; komprimeringen er åpen kildekode",
      nn: "Komprimert LAS-punktsky; komprimeringa er open kjeldekode",
      en: "Compressed LAS point cloud; the compression is open source",
    },
    mediaTypes: ["application/x-laz"],
    aliases: ["LASzip"],
  },
  NETCDF: {
    eu: true,
    label: same("NetCDF"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen standard for vitenskapelige rutenettdata (OGC, Unidata)",
      nn: "Open standard for vitskaplege rutenettdata (OGC, Unidata)",
      en: "Open standard for scientific gridded data (OGC, Unidata)",
    },
    mediaTypes: ["application/x-netcdf", "application/netcdf"],
    aliases: ["NetCDF-4", "NC"],
  },
  // Services
  WMS_SRVC: {
    eu: true,
    label: { nb: "WMS (karttjeneste)", nn: "WMS (kartteneste)", en: "WMS (map service)" },
    machineReadable: false,
    nonProprietary: true,
    reason: {
      nb: "Karttjeneste (OGC WMS) som leverer ferdige kartbilder, ikke selve dataene",
      nn: "Kartteneste (OGC WMS) som leverer ferdige kartbilete, ikkje sjølve dataa",
      en: "Map service (OGC WMS) that returns rendered map images, not the data itself",
    },
    mediaTypes: ["application/vnd.ogc.wms_xml", "text/xml"],
    aliases: ["WMS", "OGC WMS", "OGC:WMS", "WMS-tjeneste", "WMS-teneste", "Web Map Service"],
    service: "WMS",
  },
  WMTS_SRVC: {
    eu: false,
    label: { nb: "WMTS (kartfliser)", nn: "WMTS (kartfliser)", en: "WMTS (map tiles)" },
    machineReadable: false,
    nonProprietary: true,
    reason: {
      nb: "Kartflistjeneste (OGC WMTS) som leverer ferdige kartbilder, ikke selve dataene",
      nn: "Kartflisteneste (OGC WMTS) som leverer ferdige kartbilete, ikkje sjølve dataa",
      en: "Map tile service (OGC WMTS) that returns rendered map images, not the data itself",
    },
    mediaTypes: [],
    aliases: ["WMTS", "OGC WMTS", "OGC:WMTS", "Web Map Tile Service"],
    conformsTo: "https://www.ogc.org/standard/wmts/",
    service: "WMTS",
  },
  WFS_SRVC: {
    eu: true,
    label: { nb: "WFS (objekttjeneste)", nn: "WFS (objektteneste)", en: "WFS (feature service)" },
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Tjeneste (OGC WFS) som leverer selve vektordataene, i åpne formater som GML",
      nn: "Teneste (OGC WFS) som leverer sjølve vektordataa, i opne format som GML",
      en: "Service (OGC WFS) that returns the vector features themselves, in open formats such as GML",
    },
    mediaTypes: ["application/vnd.ogc.wfs_xml", "application/gml+xml", "text/xml"],
    aliases: ["WFS", "OGC WFS", "OGC:WFS", "WFS-tjeneste", "WFS-teneste", "Web Feature Service"],
    service: "WFS",
  },
  WCS_SRVC: {
    eu: true,
    label: { nb: "WCS (rastertjeneste)", nn: "WCS (rasterteneste)", en: "WCS (coverage service)" },
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Tjeneste (OGC WCS) som leverer selve rasterverdiene, ikke bare bilder",
      nn: "Teneste (OGC WCS) som leverer sjølve rasterverdiane, ikkje berre bilete",
      en: "Service (OGC WCS) that returns the raster values themselves, not just pictures",
    },
    mediaTypes: [],
    aliases: ["WCS", "OGC WCS", "OGC:WCS", "Web Coverage Service"],
    service: "WCS",
  },
  REST: {
    eu: true,
    label: same("API (REST)"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Et API som leverer strukturerte data (oftest JSON eller XML) til programmer",
      nn: "Eit API som leverer strukturerte data (oftast JSON eller XML) til program",
      en: "An API that returns structured data (usually JSON or XML) to programs",
    },
    mediaTypes: [],
    aliases: ["API", "REST API", "Web API", "OGC API", "OGC API - Features"],
    service: "API",
  },
  ATOM: {
    eu: true,
    label: same("Atom-feed"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Nedlastingsfeed i en åpen standard (Atom, RFC 4287) som programmer leser",
      nn: "Nedlastingsfeed i ein open standard (Atom, RFC 4287) som program les",
      en: "Download feed in an open standard (Atom, RFC 4287) that programs read",
    },
    mediaTypes: ["application/atom+xml"],
    aliases: ["Atom feed"],
  },
  // Archives and transport data
  ZIP: {
    eu: true,
    label: { nb: "ZIP-arkiv", nn: "ZIP-arkiv", en: "ZIP archive" },
    machineReadable: false,
    nonProprietary: true,
    reason: {
      nb: "Komprimert arkiv som ikke sier noe om filene inni, så det viser ikke alene at dataene er maskinlesbare",
      nn: "Komprimert arkiv som ikkje seier noko om filene inni, så det viser ikkje åleine at dataa er maskinlesbare",
      en: "A compressed archive that says nothing about the files inside, so on its own it does not show the data is machine-readable",
    },
    mediaTypes: ["application/zip", "application/x-zip-compressed", "application/x-zip"],
    aliases: [],
  },
  GTFS: {
    eu: true,
    label: same("GTFS"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Åpen spesifikasjon for rutetabeller (CSV-filer i ZIP) som reiseplanleggere leser",
      nn: "Open spesifikasjon for rutetabellar (CSV-filer i ZIP) som reiseplanleggarar les",
      en: "Open specification for timetables (CSV files in a ZIP) that journey planners read",
    },
    mediaTypes: ["application/zip"],
    aliases: ["GTFS Schedule", "General Transit Feed Specification"],
    conformsTo: "https://gtfs.org/schedule/reference/",
  },
  NETEX: {
    eu: false,
    label: same("NeTEx"),
    machineReadable: true,
    nonProprietary: true,
    reason: {
      nb: "Europeisk standard (CEN/TS 16614) for kollektivdata i XML; skjemaene er fritt tilgjengelige",
      nn: "Europeisk standard (CEN/TS 16614) for kollektivdata i XML; skjemaa er fritt tilgjengelege",
      en: "European standard (CEN/TS 16614) for public transport data in XML; its schemas are freely available",
    },
    mediaTypes: ["application/zip", "application/xml"],
    aliases: ["Network Timetable Exchange"],
    conformsTo: "http://www.netex-cen.eu",
  },
} satisfies Record<string, FileTypeData>;
