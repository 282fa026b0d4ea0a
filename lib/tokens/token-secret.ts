import { createHash, randomBytes } from "node:crypto";

/**
 * API token secrets: `fjc_` + 43 URL-safe characters (256 random bits). The prefix makes a leaked
 * token recognisable to secret scanners and people; only the SHA-256 of the whole token is stored
 * (a fast hash is right for high-entropy secrets), and its first characters are kept to tell tokens apart.
 */
export const TOKEN_PREFIX = "fjc_";
const TOKEN_PATTERN = /^fjc_[A-Za-z0-9_-]{43}$/;
export const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

export function generateTokenSecret(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashTokenSecret(token), prefix: token.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export function hashTokenSecret(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
