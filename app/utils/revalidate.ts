// When a page reloads its data after a form was posted.
import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * Remix skips reloading after a 4xx answer; after a conflict (409) the page must show the
 * record as it now stands, and its new version, before the user tries again.
 */
export const revalidateAfterConflict: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;
