import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/**
 * A list's address with its query (empty values left out) and, past the first, the page.
 * The query is the loader's parsed filters, not the raw URL, so a one-off notice is not carried along.
 */
export function listHref(path: string, query: Record<string, string>, page = 1) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Previous and next links that keep the list's filters, and "Page n sur m"; plain links, so it works without JavaScript. */
export function Pagination({
  path,
  query = {},
  page,
  pageCount,
  label,
}: {
  path: string;
  query?: Record<string, string>;
  page: number;
  pageCount: number;
  /** Names the navigation landmark: which list these pages are of. */
  label: string;
}) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="button-row">
      {page > 1 ? <Link to={listHref(path, query, page - 1)}>{t("pagination.previous")}</Link> : null}
      <span>{t("pagination.page", { page, pageCount })}</span>
      {page < pageCount ? <Link to={listHref(path, query, page + 1)}>{t("pagination.next")}</Link> : null}
    </nav>
  );
}
