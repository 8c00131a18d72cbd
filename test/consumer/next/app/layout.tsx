// The app around the README's recipes (app/page.tsx, app/Cobrowse.tsx, app/samesurf/[...path]/route.ts).
import type { ReactNode } from 'react';

export const metadata = { title: 'Next.js consumer' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
