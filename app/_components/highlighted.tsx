import type { TextSegment } from "@/lib/search/highlight";

/** Text with the words that matched the search marked; the text itself is rendered as plain text. */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="fc-mark">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
