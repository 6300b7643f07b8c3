// Mounted once in the root layout. Says when React has taken over the page (data-ready, the
// "pacte:ready" mark: the 3G measure and the deferred catalogue wait for it), then loads the
// offline capture (offline-support.tsx) when the browser is idle: on 3G it is not part of
// the page's first load.
import { useEffect, useState, type ComponentType } from "react";
import type { OfflineUser } from "./offline-support";

function whenIdle(run: () => void) {
  const later = () => ("requestIdleCallback" in window ? window.requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 200));
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}

export function OfflineRoot({ user }: { user: OfflineUser }) {
  const [Support, setSupport] = useState<ComponentType<{ user: OfflineUser }> | null>(null);
  useEffect(() => {
    document.documentElement.dataset.ready = "true";
    performance.mark("pacte:ready");
    whenIdle(() => {
      import("./offline-support").then(
        (module) => setSupport(() => module.OfflineSupport),
        () => {},
      );
    });
  }, []);
  return Support ? <Support user={user} /> : null;
}
