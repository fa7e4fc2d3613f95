// Main-side texts of the app shell that are new with the desktop app run for real (start-up problems, the first
// close, notices): one typed dictionary per language, so a missing translation is a type error.
import type { Language } from '../../shared/errors/catalog.js';
import type { DamagedFile } from '../../shared/ipc/types.js';

interface ShellText {
  closeHintTitle: string;
  closeHintBody: string;
  startFailedTitle: string;
  startFailed(reason: string, logFile: string): string;
  windowFailed(reason: string, logFile: string): string;
  damaged(files: readonly DamagedFile[]): string;
}

const damagedLine = (file: DamagedFile, moved: (to: string) => string, left: string) =>
  `• ${file.file}: ${file.reason}\n  ${file.movedTo === null ? left : moved(file.movedTo)}`;

const TEXT: Record<Language, ShellText> = {
  en: {
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
  'zh-CN': {
    closeHintTitle: 'Taper 仍在运行',
    closeHintBody: '录制和计划任务会继续。可从托盘图标或再次启动 Taper 打开窗口；从托盘菜单退出。',
    startFailedTitle: 'Taper 无法启动',
    startFailed: (reason, logFile) => `${reason}\n\n没有向腾讯云发送任何请求。详情见日志：${logFile}`,
    windowFailed: (reason, logFile) =>
      `无法加载 Taper 窗口（${reason}）。请重新安装 Taper；托盘和计划录制会继续运行。\n\n详情见日志：${logFile}`,
    damaged: (files) =>
      `以下文件无法读取，已用新文件替换：\n${files.map((file) => damagedLine(file, (to) => `损坏的副本已移至 ${to}，其中内容没有删除。`, '文件保留在原处。')).join('\n')}`,
  },
};

export function shellText(language: Language): ShellText {
  return TEXT[language];
}
