// English text of a settled window's files and gaps (history), the sandbox's simulated push and the recording
// templates (Settings). Spread into en.ts; zh-cn-files.ts has the same keys.
export const enFiles = {
  'files.show': 'Show files of {stream}',
  'files.hide': 'Hide files of {stream}',
  'files.toggle': '{count} file(s)',
  'files.details': 'Details',
  'files.title': 'Files',
  'files.gaps': 'Gaps',
  'files.none': 'No file.',
  'files.fileLabel': 'file {index} of {stream}',
  'files.copyUrl': 'Copy URL',
  'files.open': 'Open',
  'files.openLabel': 'Open file {index} of {stream}',
  'files.size': 'size {size}',
  'files.gapPushed': 'the stream was pushed then: recording lost',
  'files.gapNotPushed': 'the stream was not pushed then',
  'files.gapUnknown': 'whether the stream was pushed then is not known',
  'files.reason.recorded': 'Recorded without a gap.',
  'files.reason.partial': '{count} gap(s) over 60 s without a file.',
  'files.reason.partialLost':
    '{count} gap(s) over 60 s without a file; {lost} while the stream was pushed (recording lost).',
  'files.reason.neverPushed': 'No file: the stream was never pushed during the window.',
  'files.reason.tooShort': 'No file: the stream was pushed for less than 10 s, and shorter pushes are not recorded.',
  'files.reason.noFile':
    'No file, although the stream was pushed during the window: check the task, its template and the VOD storage.',
  'files.reason.pushesUnknown': 'No file; whether the stream was pushed could not be read.',
  'push.title': 'Simulate a push (sandbox)',
  'push.intro':
    'The sandbox records what a push would leave: a task whose window overlaps the push gets files, and its outcome settles as recorded.',
  'push.domain': 'Domain of the push',
  'push.app': 'AppName of the push',
  'push.stream': 'Stream to push',
  'push.for': 'Push for',
  'push.forHint': 'from now; e.g. 10m, 1h',
  'push.submit': 'Simulate a push',
  'push.sending': 'Starting the push…',
  'push.pushing': 'Pushing {stream} (simulated) until {until}.',
} as const;
