import { dataServices } from "./data-services";
import { dcatAp3 } from "./dcat-ap-3";
import { dcatApNo2 } from "./dcat-ap-no-2";
import { geoDcatAp } from "./geodcat-ap";
import type { DcatProfile } from "./types";

export { newProfileContext } from "./types";
export type { DcatProfile, ProfileContext } from "./types";

/**
 * The output forms a request can ask for with `?profile=`, each an ordered pipeline of profiles.
 * The default conforms to DCAT-AP 3.0.1 with GeoDCAT-AP; `dcat-ap-no-2` runs the same pipeline and
 * then the Norwegian profile, which wins where the two conflict (ARCHITECTURE.md).
 */
export const PIPELINES = {
  "dcat-ap-3": [dcatAp3, geoDcatAp, dataServices],
  "dcat-ap-no-2": [dcatAp3, geoDcatAp, dataServices, dcatApNo2],
} as const satisfies Record<string, readonly DcatProfile[]>;

export type ProfileName = keyof typeof PIPELINES;
export const PROFILE_NAMES = Object.keys(PIPELINES) as ProfileName[];
export const DEFAULT_PROFILE: ProfileName = "dcat-ap-3";

export function getPipeline(name: ProfileName): readonly DcatProfile[] {
  return PIPELINES[name];
}
