// Tray texts in English and Simplified Chinese. Times are shown in the operator's zone, with the date when the
// task is not today.
import type { Language } from '../../shared/errors/catalog.js';
import type { TrayLabels } from './tray-menu.js';

function spanMinutes(seconds: number): number {
  // Round up: "0 min left" while still recording would be wrong.
  return Math.max(1, Math.ceil(seconds / 60));
}

function clock(timeZone: string, language: Language, nowSeconds: () => number) {
  const time = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(language, {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (unix: number) => {
    const sameDay = day.format(unix * 1000) === day.format(nowSeconds() * 1000);
    return (sameDay ? time : dateTime).format(unix * 1000);
  };
}

export function trayLabels(language: Language, timeZone: string, nowSeconds: () => number): TrayLabels {
  const at = clock(timeZone, language, nowSeconds);
  const span = (seconds: number, hourUnit: string, minuteUnit: string) => {
    const minutes = spanMinutes(seconds);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return hours === 0
      ? `${rest} ${minuteUnit}`
      : rest === 0
        ? `${hours} ${hourUnit}`
        : `${hours} ${hourUnit} ${rest} ${minuteUnit}`;
  };
  if (language === 'zh-CN') {
    return {
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
      links: (count) => `${count} 段任务`,
      alerts: (count) => `⚠ ${count} 个录制有错过或失败的任务`,
      timeLeft: (seconds) => `剩余 ${span(seconds, '小时', '分钟')}`,
      startsAt: (unix) => `${at(unix)} 开始`,
      tooltip: (status, count) =>
        status === 'recording'
          ? `Taper — 正在录制 ${count} 个任务`
          : status === 'scheduled'
            ? `Taper — ${count} 个任务已计划`
            : 'Taper — 空闲',
    };
  }
  return {
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
    links: (count) => `${count} ${count === 1 ? 'link' : 'links'}`,
    alerts: (count) => `⚠ ${count} ${count === 1 ? 'recording' : 'recordings'} missed or failed — review`,
    timeLeft: (seconds) => `${span(seconds, 'h', 'min')} left`,
    startsAt: (unix) => `starts ${at(unix)}`,
    tooltip: (status, count) =>
      status === 'recording'
        ? `Taper — recording ${count} ${count === 1 ? 'task' : 'tasks'}`
        : status === 'scheduled'
          ? `Taper — ${count} ${count === 1 ? 'task' : 'tasks'} scheduled`
          : 'Taper — idle',
  };
}
