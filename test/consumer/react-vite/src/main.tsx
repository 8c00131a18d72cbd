// The app around the README's recipes (src/Cobrowse.tsx and src/CobrowseTag.tsx, extracted at test time):
// the component at /, the tag itself at /tag.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Cobrowse } from './Cobrowse';
import { CobrowseTag } from './CobrowseTag';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>Help</h1>
    {location.pathname === '/tag' ? <CobrowseTag /> : <Cobrowse />}
  </StrictMode>,
);
