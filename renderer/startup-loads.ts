// The window's first answers (app info, profiles, the form's history choices, settings) are asked for before React
// renders, so main works on them while the page loads: asked from the first effect, they waited ~120 ms for the
// first frame's paint, and the form's choices arrived that much later (npm run bench, "first form interactive").
// The root then renders once they have arrived (or after a short wait), with them: a first frame of an empty form
// that fills in a frame later cost another layout and paint (~100 ms). Each answer is taken once, by the first
// load that wants it; later loads ask again. The whole history is not among them: the form does not need it
// (use-app-data.ts).
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
  /** The answer if it has already arrived and is still to be taken (the first render's values); else undefined. */
  arrived<K extends keyof StartupAnswers>(what: K): Awaited<Answer<K>> | undefined;
  /** Resolves once every answer has arrived, or after `waitMs` at the latest (a slow main must not keep the page blank). */
  settled(waitMs: number): Promise<void>;
}

export function startStartupLoads(api: TaperApi): StartupLoads {
  const pending: Partial<StartupAnswers> = {
    info: api.app.info(),
    profiles: api.profiles.list(),
    choices: api.history.choices(),
    settings: api.settings.get(),
  };
  const answers: { [K in keyof StartupAnswers]?: Awaited<Answer<K>> } = {};
  const all = Promise.all(
    (Object.keys(pending) as (keyof StartupAnswers)[]).map((what) =>
      (pending[what] as Promise<unknown>).then(
        (answer) => void Object.assign(answers, { [what]: answer }),
        () => undefined,
      ),
    ),
  );
  // A change between this request and the window's own subscription would go unseen: the prefetched choices are
  // then not handed out, and the first load asks for the current ones.
  let historyChanged = false;
  const stopWatching = api.events.onHistoryChanged(() => {
    historyChanged = true;
  });
  const dropStaleChoices = () => {
    if (!historyChanged) return;
    delete pending.choices;
    delete answers.choices;
  };
  return {
    take(what) {
      if (what === 'choices') {
        stopWatching();
        dropStaleChoices();
      }
      const answer = pending[what];
      delete pending[what];
      delete answers[what];
      return answer;
    },
    arrived(what) {
      dropStaleChoices();
      return answers[what];
    },
    settled(waitMs) {
      return Promise.race([all.then(() => undefined), new Promise<void>((done) => setTimeout(done, waitMs))]);
    },
  };
}
