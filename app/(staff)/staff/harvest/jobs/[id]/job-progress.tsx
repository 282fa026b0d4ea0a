import { getTranslations } from "next-intl/server";
import { runningJobProgress } from "@/lib/harvest/job-thread";
import { RefreshWhileRunning } from "../../refresh-while-running";

/**
 * A running job's progress, as far as this process knows it (a job started from the command line
 * runs in another process): what it is doing, and how many datasets it has written. The page
 * refreshes itself until the job has ended.
 */
export async function JobProgress({ jobId }: { jobId: number }) {
  const t = await getTranslations("Staff.harvest.job");
  const progress = runningJobProgress(jobId);
  let text: string;
  if (progress === undefined) text = t("progressElsewhere");
  else if (progress === null) text = t("progressStarting");
  else if (progress.phase === "write") text = t("progressWrite", { done: progress.done, total: progress.total });
  else if (progress.phase === "map") text = t("progressMap", { triples: progress.triples ?? 0 });
  else text = t("progressFetch", { page: progress.pages + 1 });
  return (
    <div className="fc-job-progress">
      <p>{t("runningNote")}</p>
      <p role="status">{text}</p>
      {progress?.phase === "write" && progress.total > 0 && (
        <progress value={progress.done} max={progress.total} aria-label={t("progressLabel")}>
          {Math.round((100 * progress.done) / progress.total)} %
        </progress>
      )}
      <RefreshWhileRunning />
    </div>
  );
}
