import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { LiveEventsProvider } from './api/live.js';
import { createQueryClient } from './api/queryClient.js';
import { App } from './App.js';
import { i18next, i18nReady, setDocumentLanguage } from './i18n/index.js';
import { cssVariablesResolver, theme } from './theme.js';

const queryClient = createQueryClient();

void i18nReady.then(() => {
  setDocumentLanguage(i18next.language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {/* Light only: the palettes are checked for contrast in light; no inline color-scheme script (CSP). */}
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <LiveEventsProvider>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </LiveEventsProvider>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
});
