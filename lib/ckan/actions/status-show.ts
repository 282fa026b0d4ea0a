/** status_show: what a CKAN client checks first. Fjordcat answers as a CKAN 2.10 site with DCAT. */
export function statusShow(baseUrl: string) {
  return {
    ckan_version: "2.10.4",
    site_url: baseUrl,
    site_title: "Fjordcat",
    site_description: "Fjordcat data catalogue (DCAT-AP 3 / DCAT-AP-NO 2) with a CKAN-compatible read API",
    locale_default: "nb",
    extensions: ["dcat", "structured_data"],
  };
}
