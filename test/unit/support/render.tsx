// Renders a component inside the contexts the root provides, with a fake API and a controllable clock.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Language } from '../../../shared/errors/catalog.js';
import type { TaperApi } from '../../../shared/ipc/contract.js';
import { EnvironmentContext } from '../../../renderer/api-context.js';
import { LanguageContext, translator } from '../../../renderer/i18n/i18n.js';

export function renderWith(ui: ReactElement, options: { api: TaperApi; clock: () => number; language?: Language }) {
  const language = options.language ?? 'en';
  return render(
    <EnvironmentContext value={{ api: options.api, clock: options.clock, systemTimeZone: 'UTC' }}>
      <LanguageContext value={{ language, t: translator(language) }}>{ui}</LanguageContext>
    </EnvironmentContext>,
  );
}
