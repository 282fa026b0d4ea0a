import { useTranslations } from "next-intl";
import { Button } from "./design-system";
import { SEARCH_PATH } from "./search-links";

type Props = {
  id: string;
  defaultValue?: string;
  /** Other search state to keep (facets, sort), as name/value pairs. */
  keep?: [string, string][];
  /** Show the label visibly (the list page) or only to screen readers (the home page hero). */
  labelVisible?: boolean;
  size?: "md" | "lg";
};

/** A plain GET form to the search page: works without JavaScript, bookmarkable results. */
export function SearchBox({ id, defaultValue, keep = [], labelVisible = true, size = "md" }: Props) {
  const t = useTranslations("Search.box");
  return (
    <form action={SEARCH_PATH} method="get" role="search" className="fc-search" data-size={size}>
      <label htmlFor={id} className={labelVisible ? "ds-label fc-search__label" : "ds-sr-only"}>
        {t("label")}
      </label>
      <div className="fc-search__row">
        <input
          className="ds-input"
          id={id}
          type="search"
          name="q"
          defaultValue={defaultValue}
          placeholder={t("placeholder")}
          autoComplete="off"
          maxLength={500}
          enterKeyHint="search"
        />
        <Button type="submit" variant="primary">
          <svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M10.5 3.25a7.25 7.25 0 1 0 4.57 12.88l5.41 5.41a.75.75 0 1 0 1.06-1.06l-5.41-5.41A7.25 7.25 0 0 0 10.5 3.25M4.75 10.5a5.75 5.75 0 1 1 11.5 0 5.75 5.75 0 0 1-11.5 0"
            />
          </svg>
          {t("submit")}
        </Button>
      </div>
      {keep.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
