import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { AppHeader } from "~/components/app-header";
import { ErrorPage } from "~/components/error-page";
import { OfflineRoot } from "~/components/offline-root";
import { PageMessages } from "~/components/page-messages";
import stylesHref from "~/styles/app.css";
import { loadLayoutData } from "~/modules/home/layout.server";
import { DEFAULT_LANG, hasCatalogue, useT } from "~/utils/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Pacte" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadLayoutData(request);
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const t = useT();
  const lang = data?.lang ?? DEFAULT_LANG;
  // The browser holds only the language it loaded with: after switching (or signing in as
  // someone who reads the other one), load the page again with the right catalogue.
  useEffect(() => {
    if (!hasCatalogue(lang)) window.location.reload();
  }, [lang]);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <AppHeader user={data?.user ?? null} counts={data?.counts ?? undefined} />
        <main id="main" tabIndex={-1}>
          <OfflineRoot user={data?.user ?? null} />
          {children}
        </main>
        <ScrollRestoration />
        <Scripts />
        <PageMessages lang={lang} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
