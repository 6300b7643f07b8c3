// The filters of the indicator list and of the dashboard's exports, read from the URL
// (?plan=&objective=&lead=&global=&show=). Unknown values are ignored rather than refused:
// a stale bookmark still opens the list.
export const LIST_SHOWS = ["attention", "offTrack", "notReported", "onTrack", "noTarget", "all"] as const;
export type ListShow = (typeof LIST_SHOWS)[number];

export type IndicatorFilters = {
  planId?: string;
  objective?: number;
  organisationId?: string;
  globalIndicatorId?: string;
  /** "attention" (the default): off track or not reported. */
  show?: ListShow;
};

function isShow(value: string | undefined): value is ListShow {
  return LIST_SHOWS.some((show) => show === value);
}

export function indicatorFiltersFrom(url: URL): IndicatorFilters {
  const params = url.searchParams;
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const objective = Number(text("objective"));
  const show = text("show");
  return {
    planId: text("plan"),
    objective: Number.isInteger(objective) && objective >= 1 && objective <= 23 ? objective : undefined,
    organisationId: text("lead"),
    globalIndicatorId: text("global"),
    show: isShow(show) ? show : undefined,
  };
}
