// The app around the README's recipe (src/Cobrowse.tsx, extracted from the README at test time).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Cobrowse } from './Cobrowse';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>Help</h1>
    <Cobrowse />
  </StrictMode>,
);
