// The UI language as a context: components call useT() and get a translate function for the current language.
import { createContext, useContext } from 'react';
import type { Language } from '../../shared/errors/catalog';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-cn';

export type { MessageKey };

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A translate function for `language`: `{name}` placeholders are replaced by `values`. */
export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, values) => {
    const text = dictionary[key] ?? en[key];
    if (values === undefined) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

/** Whether `key` exists (for keys built from codes, e.g. `problem.${code}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export interface LanguageValue {
  language: Language;
  t: Translate;
}

export const LanguageContext = createContext<LanguageValue>({ language: 'en', t: translator('en') });

export function useT(): LanguageValue {
  return useContext(LanguageContext);
}
