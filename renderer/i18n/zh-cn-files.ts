// 录制文件、沙盒模拟推流与录制模板的简体中文文本：与 en-files.ts 的键相同。
import type { enFiles } from './en-files';

export const zhCNFiles: Record<keyof typeof enFiles, string> = {
  'files.show': '显示 {stream} 的文件',
  'files.hide': '隐藏 {stream} 的文件',
  'files.toggle': '{count} 个文件',
  'files.details': '详情',
  'files.title': '文件',
  'files.gaps': '中断',
  'files.none': '没有文件。',
  'files.fileLabel': '{stream} 的第 {index} 个文件',
  'files.copyUrl': '复制 URL',
  'files.open': '打开',
  'files.openLabel': '打开 {stream} 的第 {index} 个文件',
  'files.size': '大小 {size}',
  'files.gapPushed': '当时有推流：录制丢失',
  'files.gapNotPushed': '当时没有推流',
  'files.gapUnknown': '无法得知当时是否有推流',
  'files.reason.recorded': '录制完整，没有中断。',
  'files.reason.partial': '有 {count} 处超过 60 秒的中断没有文件。',
  'files.reason.partialLost': '有 {count} 处超过 60 秒的中断没有文件；其中 {lost} 处当时有推流（录制丢失）。',
  'files.reason.neverPushed': '没有文件：时间窗口内从未推流。',
  'files.reason.tooShort': '没有文件：推流不足 10 秒，过短的推流不会被录制。',
  'files.reason.noFile': '虽然时间窗口内有推流，但没有文件：请检查任务、其模板和点播存储。',
  'files.reason.pushesUnknown': '没有文件；无法读取是否有推流。',
};
