// Every text the main process shows (start-up problems, the first close, notices, the tray, notifications, the quit
// question): one typed dictionary, one entry per language, so a missing translation is a type error. The notifier,
// the tray labels and the quit guard take it as an argument (like Signal's SystemTrayService takes `i18n`); the
// default is this table.
import type { Language } from '../../shared/errors/catalog.js';
import type { DamagedFile } from '../../shared/ipc/types.js';
import type { TrayLabels } from './tray-menu.js';

/** Start-up problems, the first close, notices. */
export interface ShellText {
  closeHintTitle: string;
  closeHintBody: string;
  startFailedTitle: string;
  startFailed(reason: string, logFile: string): string;
  windowFailed(reason: string, logFile: string): string;
  damaged(files: readonly DamagedFile[]): string;
}

/** The tray's words; times and spans come in already formatted (tray-labels.ts formats them). */
export type TrayText = Omit<TrayLabels, 'timeLeft' | 'startsAt'> & {
  hourUnit: string;
  minuteUnit: string;
  /** `span`: e.g. `1 h 5 min`, in this language's units. */
  timeLeft(span: string): string;
  /** `time`: e.g. `20:00`, or a date and time when not today. */
  startsAt(time: string): string;
};

/** Native notifications (notifier.ts). */
export interface NotificationText {
  created: string;
  safeToPush: string;
  safeToPushBody(stream: string): string;
  began: string;
  ended: string;
  failed: string;
  recorded(stream: string, files: number, duration: string): string;
  partial(stream: string): string;
  nothing(stream: string): string;
}

/** The question before quitting during an import (quit-guard.ts). */
export interface QuitText {
  message(done: number, total: number): string;
  detail(left: number): string;
  keepRunning: string;
  quitAnyway: string;
}

export interface MainText {
  shell: ShellText;
  tray: TrayText;
  notifications: NotificationText;
  quit: QuitText;
}

/** The dictionary a consumer is given: the text for a language (the language can change while the app runs). */
export type MainTextSource = (language: Language) => MainText;

const damagedLine = (file: DamagedFile, moved: (to: string) => string, left: string) =>
  `• ${file.file}: ${file.reason}\n  ${file.movedTo === null ? left : moved(file.movedTo)}`;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const MAIN_TEXT: Record<Language, MainText> = {
  en: {
    shell: {
      closeHintTitle: 'Taper is still running',
      closeHintBody:
        'Recordings and planned tasks go on. Open Taper again from the tray icon or by launching it; quit from the tray menu.',
      startFailedTitle: 'Taper could not start',
      startFailed: (reason, logFile) =>
        `${reason}\n\nNothing was sent to Tencent Cloud. Details are in the log: ${logFile}`,
      windowFailed: (reason, logFile) =>
        `Taper's window could not be loaded (${reason}). Reinstall Taper; the tray and the planned recordings keep running.\n\nDetails are in the log: ${logFile}`,
      damaged: (files) =>
        `These files could not be read and were replaced by new ones:\n${files.map((file) => damagedLine(file, (to) => `The damaged copy was moved to ${to}; nothing in it was deleted.`, 'It was left in place.')).join('\n')}`,
    },
    tray: {
      quickRecord: 'Quick record',
      noRecentStreams: 'No recent streams',
      minutes30: '30 min',
      hour1: '1 h',
      hours2: '2 h',
      until: 'Until…',
      nowRecording: 'Now recording',
      upNext: 'Up next',
      nothingScheduled: 'Nothing scheduled',
      stopRecording: 'Stop recording',
      openTaper: 'Open Taper',
      history: 'History',
      settings: 'Settings',
      copyDiagnostics: 'Copy diagnostics',
      quit: 'Quit',
      hourUnit: 'h',
      minuteUnit: 'min',
      links: (count) => plural(count, 'link', 'links'),
      alerts: (count) => `⚠ ${plural(count, 'recording', 'recordings')} missed or failed — review`,
      timeLeft: (span) => `${span} left`,
      startsAt: (time) => `starts ${time}`,
      tooltip: (status, count) =>
        status === 'recording'
          ? `Taper — recording ${plural(count, 'task', 'tasks')}`
          : status === 'scheduled'
            ? `Taper — ${plural(count, 'task', 'tasks')} scheduled`
            : 'Taper — idle',
    },
    notifications: {
      created: 'Recording task created',
      safeToPush: 'Safe to start pushing',
      safeToPushBody: (stream) => `${stream}: the recording task is active now.`,
      began: 'Recording started',
      ended: 'Recording ended',
      failed: 'Taper: call failed',
      recorded: (stream, files, duration) => `${stream} recorded: ${files} file${files === 1 ? '' : 's'}, ${duration}`,
      partial: (stream) => `${stream}: recorded with gaps`,
      nothing: (stream) => `${stream}: nothing was recorded`,
    },
    quit: {
      message: (done, total) => `An import is running (${done}/${total}). Quitting now stops it.`,
      detail: (left) =>
        `${left} row(s) not sent yet would not be created. Tasks already created are not affected and stay in the history.`,
      keepRunning: 'Keep importing',
      quitAnyway: 'Quit anyway',
    },
  },
  'zh-CN': {
    shell: {
      closeHintTitle: 'Taper 仍在运行',
      closeHintBody: '录制和计划任务会继续。可从托盘图标或再次启动 Taper 打开窗口；从托盘菜单退出。',
      startFailedTitle: 'Taper 无法启动',
      startFailed: (reason, logFile) => `${reason}\n\n没有向腾讯云发送任何请求。详情见日志：${logFile}`,
      windowFailed: (reason, logFile) =>
        `无法加载 Taper 窗口（${reason}）。请重新安装 Taper；托盘和计划录制会继续运行。\n\n详情见日志：${logFile}`,
      damaged: (files) =>
        `以下文件无法读取，已用新文件替换：\n${files.map((file) => damagedLine(file, (to) => `损坏的副本已移至 ${to}，其中内容没有删除。`, '文件保留在原处。')).join('\n')}`,
    },
    tray: {
      quickRecord: '快速录制',
      noRecentStreams: '暂无最近的流',
      minutes30: '30 分钟',
      hour1: '1 小时',
      hours2: '2 小时',
      until: '录制到…',
      nowRecording: '正在录制',
      upNext: '即将开始',
      nothingScheduled: '没有计划的任务',
      stopRecording: '停止录制',
      openTaper: '打开 Taper',
      history: '历史记录',
      settings: '设置',
      copyDiagnostics: '复制诊断信息',
      quit: '退出',
      hourUnit: '小时',
      minuteUnit: '分钟',
      links: (count) => `${count} 段任务`,
      alerts: (count) => `⚠ ${count} 个录制有错过或失败的任务`,
      timeLeft: (span) => `剩余 ${span}`,
      startsAt: (time) => `${time} 开始`,
      tooltip: (status, count) =>
        status === 'recording'
          ? `Taper — 正在录制 ${count} 个任务`
          : status === 'scheduled'
            ? `Taper — ${count} 个任务已计划`
            : 'Taper — 空闲',
    },
    notifications: {
      created: '录制任务已创建',
      safeToPush: '现在可以开始推流',
      safeToPushBody: (stream) => `${stream}：录制任务已生效。`,
      began: '录制已开始',
      ended: '录制已结束',
      failed: 'Taper：调用失败',
      recorded: (stream, files, duration) => `${stream} 已录制：${files} 个文件，${duration}`,
      partial: (stream) => `${stream}：录制有中断`,
      nothing: (stream) => `${stream}：没有录到任何内容`,
    },
    quit: {
      message: (done, total) => `正在导入（${done}/${total}）。现在退出会停止导入。`,
      detail: (left) => `还有 ${left} 行尚未发送，退出后不会创建。已创建的任务不受影响，并保留在历史中。`,
      keepRunning: '继续导入',
      quitAnyway: '仍然退出',
    },
  },
};

export const mainText: MainTextSource = (language) => MAIN_TEXT[language];

/** The shell's part of the dictionary (start-up problems, the first close, notices). */
export function shellText(language: Language, text: MainTextSource = mainText): ShellText {
  return text(language).shell;
}
