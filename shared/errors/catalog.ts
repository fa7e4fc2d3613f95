// The error catalog's API: a code (Tencent's as-is, or a local `Taper.*` one) → what happened and what to do,
// in English or Simplified Chinese. Unknown codes fall back to their nearest known parent, then to a generic entry.
import { CATALOG_CODES, type CatalogCode } from './catalog-codes.js';
import { EN_GENERIC, EN_TEXTS } from './catalog-en.js';
import { CATALOG_LINKS } from './catalog-links.js';
import type { CatalogText } from './catalog-text.js';
import { ZH_CN_GENERIC, ZH_CN_TEXTS } from './catalog-zh-cn.js';

/** The languages Taper speaks. */
export type Language = 'en' | 'zh-CN';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** How an error is shown to a user. */
export interface ErrorDescription {
  /** What happened. For a code only known by its parent, the platform's own message is appended. */
  title: string;
  /** What to do next. */
  nextStep: string;
  /** An https console or doc page where the user can act, when there is one. */
  link?: string;
}

const TEXTS: Record<Language, Record<CatalogCode, CatalogText>> = { en: EN_TEXTS, 'zh-CN': ZH_CN_TEXTS };
const GENERIC: Record<Language, CatalogText> = { en: EN_GENERIC, 'zh-CN': ZH_CN_GENERIC };
const KNOWN: ReadonlySet<string> = new Set(CATALOG_CODES);

/** Whether the catalog has an entry of its own for `code` (no fallback). */
export function isCatalogCode(code: string): code is CatalogCode {
  return KNOWN.has(code);
}

/**
 * The nearest catalog code for `code`: itself, else its parents by dropping `.Segment`s
 * (`InvalidParameter.Foo` → `InvalidParameter`); undefined when none is known.
 */
export function resolveCatalogCode(code: string): CatalogCode | undefined {
  let candidate = code;
  for (;;) {
    if (isCatalogCode(candidate)) return candidate;
    const cut = candidate.lastIndexOf('.');
    if (cut <= 0) return undefined;
    candidate = candidate.slice(0, cut);
  }
}

/** What to tell the user about an error, in `language`. */
export function describeError(error: { code: string; message?: string }, language: Language): ErrorDescription {
  const resolved = resolveCatalogCode(error.code);
  const text = resolved === undefined ? GENERIC[language] : TEXTS[language][resolved];
  const exact = resolved === error.code;
  // A parent's text is vaguer than the platform's own words for the precise code: show both.
  const platformMessage = error.message?.trim() ?? '';
  const title = exact
    ? text.title
    : platformMessage === ''
      ? `${text.title} (${error.code})`
      : `${text.title} (${error.code}: ${platformMessage})`;
  const link = resolved === undefined ? undefined : CATALOG_LINKS[resolved];
  return link === undefined ? { title, nextStep: text.nextStep } : { title, nextStep: text.nextStep, link };
}

/**
 * Says how far this computer's clock is off, for AuthFailure.SignatureExpire.
 * `skewSeconds` = local clock minus server clock: negative when the local clock is behind.
 */
export function clockSkewMessage(skewSeconds: number, language: Language): string {
  const magnitude = Math.round(Math.abs(skewSeconds));
  if (magnitude === 0) {
    return language === 'en' ? "Your clock matches the server's." : '您的时钟与服务器一致。';
  }
  const behind = skewSeconds < 0;
  if (language === 'en') {
    return `Your clock is ${spanEn(magnitude)} ${behind ? 'behind' : 'ahead of'} the server's.`;
  }
  return `您的时钟比服务器${behind ? '慢' : '快'} ${spanZh(magnitude)}。`;
}

function parts(seconds: number): [number, number, number] {
  return [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
}

function spanEn(seconds: number): string {
  const [hours, minutes, rest] = parts(seconds);
  return [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', rest ? `${rest} s` : '']
    .filter(Boolean)
    .join(' ');
}

function spanZh(seconds: number): string {
  const [hours, minutes, rest] = parts(seconds);
  return [hours ? `${hours} 小时` : '', minutes ? `${minutes} 分` : '', rest ? `${rest} 秒` : '']
    .filter(Boolean)
    .join(' ');
}
