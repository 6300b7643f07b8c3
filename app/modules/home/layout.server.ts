// What every page's layout needs (root loader): the reader, their language and the header's
// counts. One server module for the root route, so its browser bundle carries one empty stub
// instead of one per server import (bytes count on 3G: see the first-load budget).
import { getHeaderCounts } from "~/modules/notifications/notifications.server";
import { countWaitingReports } from "~/modules/reporting/reports.server";
import { getOptionalUser } from "~/utils/auth.server";
import { getLang } from "~/utils/language.server";
import { can } from "~/utils/permissions";

export async function loadLayoutData(request: Request) {
  const user = await getOptionalUser(request);
  const lang = await getLang(request, user);
  // Unread notices and the review queue in one query; a focal point's reports to do.
  const [headerCounts, reportsWaiting] = user
    ? await Promise.all([
        getHeaderCounts(user.id, can(user, "report:review")),
        user.role === "FOCAL_POINT" && user.organisationId ? countWaitingReports(user.organisationId) : 0,
      ])
    : [null, 0];
  const counts = headerCounts ? { ...headerCounts, reportsWaiting } : null;
  return {
    lang,
    counts,
    user: user
      ? {
          id: user.id,
          name: user.name,
          role: user.role,
          organisationId: user.organisationId,
          organisation: user.organisation,
        }
      : null,
  };
}
