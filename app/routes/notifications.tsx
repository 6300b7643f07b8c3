import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { listHref, Pagination } from "~/components/pagination";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  syncDeadlineNotifications,
} from "~/modules/notifications/notifications.server";
import reviewsStyles from "~/styles/reviews.css";
import { requireUser } from "~/utils/auth.server";
import { formRecordId } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { formatDateTime, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { getLang } from "~/utils/language.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewsStyles }];

function pageFrom(request: Request) {
  const page = Number(new URL(request.url).searchParams.get("page"));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // No scheduler: reminders of due and late reports are worked out when the user looks.
  await syncDeadlineNotifications(user);
  const lang = await getLang(request, user);
  return listNotifications(user.id, lang, pageFrom(request));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const id = formRecordId(form, "id");
  if (intent === "readAll") {
    await markAllNotificationsRead(user.id);
  } else if (intent === "read" && id) {
    await markNotificationRead(user.id, id);
  } else {
    return badRequest({ errors: { form: "validation.invalidForm" } });
  }
  throw redirect(listHref("/notifications", {}, pageFrom(request)));
}

export default function NotificationsRoute() {
  const { notifications, unread, total, page, pageCount } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const here = listHref("/notifications", {}, page);

  return (
    <>
      <h1>{t("notifications.title")}</h1>
      <p className="muted" role="status">
        {t("notifications.summary", { unread, total })}
      </p>
      {unread > 0 ? (
        <Form method="post" action={here}>
          <input type="hidden" name="intent" value="readAll" />
          <button type="submit" className="button button--secondary">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}

      {notifications.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((notice) => (
            <li key={notice.id} className={notice.readAt ? undefined : "unread"}>
              <div>
                <p>
                  {notice.readAt ? null : <span className="unread-mark">{t("notifications.unread")} · </span>}
                  {notice.link ? <Link to={notice.link}>{notice.text}</Link> : notice.text}
                </p>
                <p className="muted">
                  <time dateTime={String(notice.createdAt)}>{formatDateTime(lang, notice.createdAt)}</time>
                </p>
              </div>
              {notice.readAt ? null : (
                <Form method="post" action={here} className="inline-form">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={notice.id} />
                  <button type="submit" className="link-button">
                    {t("notifications.markRead")}
                    <span className="visually-hidden"> : {notice.text}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}

      <Pagination path="/notifications" page={page} pageCount={pageCount} label={t("notifications.pagination")} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
