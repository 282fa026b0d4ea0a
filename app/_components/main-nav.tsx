"use client";

import NextLink from "next/link";
import { usePathname } from "next/navigation";

type Item = { href: string; label: string };

/** The main navigation; marks the section the reader is in (rendered on the server too). */
export function MainNav({ label, items }: { label: string; items: Item[] }) {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label={label} className="fc-nav">
      <ul className="fc-nav__list">
        {items.map((item) => {
          const exact = pathname === item.href;
          const within = exact || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <NextLink
                href={item.href}
                className="fc-nav__link"
                aria-current={exact ? "page" : within ? "true" : undefined}
              >
                {item.label}
              </NextLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
