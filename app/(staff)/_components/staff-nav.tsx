"use client";

import NextLink from "next/link";
import { usePathname } from "next/navigation";

type Item = { href: string; label: string; exact?: boolean };

/** The staff area's section navigation; marks the section the user is in. */
export function StaffNav({ label, items }: { label: string; items: Item[] }) {
  const pathname = usePathname() ?? "/staff";
  return (
    <nav aria-label={label} className="fc-staff-nav">
      <div className="fc-container">
        <ul className="fc-staff-nav__list">
          {items.map((item) => {
            const exact = pathname === item.href;
            const within = !item.exact && pathname.startsWith(`${item.href}/`);
            return (
              <li key={item.href}>
                <NextLink
                  href={item.href}
                  className="fc-staff-nav__link"
                  aria-current={exact ? "page" : within ? "true" : undefined}
                >
                  {item.label}
                </NextLink>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
