import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';

/** A link to an app URL with a query (the register's filters), navigated in place. */
export function HrefLink({ href, children, size = 'sm' }: { href: string; children: ReactNode; size?: string }) {
  const navigate = useNavigate();
  return (
    <Anchor
      href={href}
      size={size}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        void navigate({ href });
      }}
    >
      {children}
    </Anchor>
  );
}
