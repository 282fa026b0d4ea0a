import type { DcatDataset, DcatDistribution } from "../model";

/**
 * Deterministic URIs for the nodes under a dataset (ARCHITECTURE.md "stable URIs"): a harvested
 * distribution keeps the URI its publisher gave it; the rest hang off the dataset URI by position,
 * which survives edits (distribution ids do not: every update rewrites the rows).
 */
export const distributionUri = (dataset: DcatDataset, d: DcatDistribution) =>
  d.uri ?? `${dataset.uri}#distribution-${d.position + 1}`;
export const contactPointUri = (dataset: DcatDataset) => `${dataset.uri}#contact-point`;
export const temporalUri = (dataset: DcatDataset) => `${dataset.uri}#temporal`;
export const locationUri = (dataset: DcatDataset, index: number) => `${dataset.uri}#spatial-${index + 1}`;
export const recordUri = (dataset: DcatDataset) => `${dataset.uri}#record`;
/** A data service minted for a WMS/WFS/API distribution that names no registered service. */
export const distributionServiceUri = (dataset: DcatDataset, d: DcatDistribution) =>
  `${dataset.uri}#service-${d.position + 1}`;
