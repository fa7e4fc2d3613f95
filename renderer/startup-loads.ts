// The window's first answers (app info, profiles, the form's history choices, settings) are asked for before React
// renders, so main works on them while the page builds its first frame: asked from the first effect, they waited
// ~120 ms for that frame's paint, and the form's choices arrived that much later (npm run bench, "first form
// interactive"). Each answer is taken once, by the first load that wants it; later loads ask again. The whole
// history is not among them: the form does not need it (use-app-data.ts).
import type { TaperApi } from '../shared/ipc/api';

type Answer<K extends keyof StartupAnswers> = StartupAnswers[K];

interface StartupAnswers {
  info: ReturnType<TaperApi['app']['info']>;
  profiles: ReturnType<TaperApi['profiles']['list']>;
  choices: ReturnType<TaperApi['history']['choices']>;
  settings: ReturnType<TaperApi['settings']['get']>;
}

export interface StartupLoads {
  /** The prefetched answer, the first time only; undefined afterwards (ask the api). */
  take<K extends keyof StartupAnswers>(what: K): Answer<K> | undefined;
}

export function startStartupLoads(api: TaperApi): StartupLoads {
  const pending: Partial<StartupAnswers> = {
    info: api.app.info(),
    profiles: api.profiles.list(),
    choices: api.history.choices(),
    settings: api.settings.get(),
  };
  // A change between this request and the window's own subscription would go unseen: the prefetched choices are
  // then not handed out, and the first load asks for the current ones.
  let historyChanged = false;
  const stopWatching = api.events.onHistoryChanged(() => {
    historyChanged = true;
  });
  return {
    take(what) {
      if (what === 'choices') {
        stopWatching();
        if (historyChanged) delete pending.choices;
      }
      const answer = pending[what];
      delete pending[what];
      return answer;
    },
  };
}
