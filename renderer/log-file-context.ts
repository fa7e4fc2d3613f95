// Where main writes its log (from app:info): messages that send the user to the log name this file.
import { createContext } from 'react';

export const LogFileContext = createContext<string | null>(null);
