'use client';
// Main navigation links; marks the current section for sighted and screen-reader users.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

export function NavLinks({ items }: { items: { href: string; label: ReactNode }[] }) {
  const pathname = usePathname();
  return (
    <ul className="nav-links">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
