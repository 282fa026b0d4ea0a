"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Rendered by a harvest job's page, and by its source's page, while a job runs: the page's server
 * components are fetched again every few seconds (progress, then the report or the job's new
 * status), with no reload and no lost scroll position or focus.
 */
export function RefreshWhileRunning({ everyMs = 2000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
