import type { Database } from "@/db/client";
import { getQualitySummary, listLowestQualityDatasets, type LowQualityDataset, type QualitySummary } from "@/lib/quality/store-quality";
import { FILE_TYPES, isOpenFormat, LICENCES, type FileType, type Licence } from "@/lib/vocabularies";
import { listKpiByPublisher, listKpiByTheme, type KpiLine } from "./breakdowns";
import { computeKpi, type KpiFigures } from "./compute-kpi";
import { listNotOpenDatasets, type NotOpenList } from "./not-open-datasets";
import { ensureKpiAggregatesOnce } from "./refresh-openness";
import { WHOLE_CATALOGUE } from "./scope";
import { listKpiHistory, type KpiHistoryPoint } from "./snapshots";

export type KpiPageData = {
  whole: KpiFigures;
  byPublisher: KpiLine[];
  byTheme: KpiLine[];
  history: KpiHistoryPoint[];
  licences: { open: Licence[]; notOpen: Licence[] };
  formats: { open: FileType[]; notOpen: FileType[] };
  quality: QualitySummary;
  /** Only when the reader may see staff details. */
  notOpen: NotOpenList | null;
  lowestQuality: LowQualityDataset[] | null;
};

export const STAFF_LIST_LIMIT = 200;

/**
 * Everything the /kpi page shows. The staff lists (not-open datasets, lowest quality) only for
 * `staffPublishers`: "all" for site administrators, else the publisher ids whose staff the reader is
 * (their drafts are in the lists); none for readers who are not staff.
 */
export function getKpiPageData(db: Database, { staffPublishers }: { staffPublishers: "all" | readonly number[] }): KpiPageData {
  const includeStaffDetails = staffPublishers === "all" || staffPublishers.length > 0;
  const publisherIds = staffPublishers === "all" ? undefined : staffPublishers;
  ensureKpiAggregatesOnce(db);
  const whole = computeKpi(db, { ...WHOLE_CATALOGUE, publisherId: null });
  return {
    whole,
    byPublisher: listKpiByPublisher(db),
    byTheme: listKpiByTheme(db),
    history: listKpiHistory(db, { scope: "catalogue" }),
    licences: { open: LICENCES.filter((l) => l.open), notOpen: LICENCES.filter((l) => !l.open) },
    formats: { open: FILE_TYPES.filter(isOpenFormat), notOpen: FILE_TYPES.filter((f) => !isOpenFormat(f)) },
    quality: getQualitySummary(db),
    notOpen: includeStaffDetails
      ? listNotOpenDatasets(db, { scope: { ...WHOLE_CATALOGUE, publisherId: null }, limit: STAFF_LIST_LIMIT, publisherIds })
      : null,
    lowestQuality: includeStaffDetails ? listLowestQualityDatasets(db, { limit: 20, publisherIds }) : null,
  };
}
