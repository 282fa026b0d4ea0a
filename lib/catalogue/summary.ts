import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { openDatasetCondition } from "@/lib/kpi/openness";

export type CatalogueSummary = {
  datasets: number;
  openDatasets: number;
  publishers: number;
  distributions: number;
  themes: { code: string; count: number }[];
};

/** Headline figures of the published catalogue, for the home page. */
export function getCatalogueSummary(db: Database): CatalogueSummary {
  const counts = db.get<{ datasets: number; open: number; publishers: number; distributions: number }>(sql`
    select
      count(*) as datasets,
      coalesce(sum(case when ${openDatasetCondition("d")} then 1 else 0 end), 0) as open,
      count(distinct d.publisher_id) as publishers,
      (select count(*) from distributions x join datasets y on y.id = x.dataset_id where y.state = 'published') as distributions
    from datasets d where d.state = 'published'`);
  const themes = db.all<{ code: string; count: number }>(sql`
    select t.theme as code, count(*) as count from dataset_themes t
    join datasets d on d.id = t.dataset_id and d.state = 'published'
    group by t.theme order by count desc, code`);
  return {
    datasets: counts?.datasets ?? 0,
    openDatasets: counts?.open ?? 0,
    publishers: counts?.publishers ?? 0,
    distributions: counts?.distributions ?? 0,
    themes,
  };
}
