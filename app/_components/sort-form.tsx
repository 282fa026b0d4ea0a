import { useTranslations } from "next-intl";
import { SORTS, type SearchParams } from "@/lib/search/params";
import { Button } from "./design-system";
import { hiddenFields, SEARCH_PATH } from "./search-links";

/**
 * The sort order as a GET form that keeps the rest of the search. Relevance only makes sense with
 * a text query, so it is offered only then.
 */
export function SortForm({ params, sort }: { params: SearchParams; sort: string }) {
  const t = useTranslations("Search.sort");
  const options = SORTS.filter((s) => s !== "relevance" || params.q);
  return (
    <form action={SEARCH_PATH} method="get" className="fc-sort">
      {hiddenFields(params, ["sort", "page"]).map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="sort" className="ds-label fc-sort__label">
        {t("label")}
      </label>
      <select id="sort" name="sort" defaultValue={sort} className="ds-input" data-size="sm">
        {options.map((option) => (
          <option key={option} value={option}>
            {t(`option.${option}`)}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" size="sm">
        {t("submit")}
      </Button>
    </form>
  );
}
