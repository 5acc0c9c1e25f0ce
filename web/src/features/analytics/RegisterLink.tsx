import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { RegisterLink as Query } from './analytics.api';

/** A number that opens the register on the cases behind it; plain text when it has no register filter. */
export function RegisterLink({ query, children, label }: { query: Query | null | undefined; children: ReactNode; label?: string }) {
  if (!query) return <>{children}</>;
  return (
    <Anchor renderRoot={(props) => <Link {...props} to="/cases" search={query} />} aria-label={label} underline="hover" c="inherit" inherit style={{ fontVariantNumeric: 'tabular-nums' }}>
      {children}
    </Anchor>
  );
}
