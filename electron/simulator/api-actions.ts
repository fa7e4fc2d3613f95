// The actions the simulator runs once a request is signed, admitted and parsed: Live's recording, template, domain
// and stream calls, and VOD's SearchMedia, each over the in-memory stores and scoped to the calling account.
import { apiError, apiOk, type ApiOutcome } from './api-error.js';
import { DEFAULT_DOMAINS } from './catalog.js';
import { describeStreamEvents, searchMedia } from './media-actions.js';
import { validateCreate, validateDescribe, validateStreamKey, validateTaskId } from './params.js';
import type { PushStore } from './push-store.js';
import type { TemplateCatalog } from './record-templates.js';
import type { StreamStates } from './stream-states.js';
import type { TaskStore } from './task-store.js';

type Params = Record<string, unknown>;
type Answer = ApiOutcome<Record<string, unknown>>;

export interface ApiActionStores {
  tasks: TaskStore;
  pushes: PushStore;
  templates: TemplateCatalog;
  streamStates: StreamStates;
}

export interface ApiActions {
  /** A Live action (live.tencentcloudapi.com). */
  live(action: string, secretId: string, params: Params, nowSeconds: number): Answer;
  /** A VOD action (vod.tencentcloudapi.com). */
  vod(action: string, secretId: string, params: Params, nowSeconds: number): Answer;
}

const unknownAction = (action: string): Answer => apiError('InvalidAction', `The action \`${action}\` does not exist.`);

export function createApiActions(stores: ApiActionStores): ApiActions {
  const { tasks, pushes, templates, streamStates } = stores;

  function describeRecordTask(secretId: string, params: Params, nowSeconds: number): Answer {
    const valid = validateDescribe(params, nowSeconds);
    if (!valid.ok) return valid;
    const page = tasks.describe(secretId, valid.value);
    if (page === null) return apiError('InvalidParameterValue', 'The ScrollToken is invalid or expired.');
    const taskList = page.tasks.map((task) => ({
      TaskId: task.taskId,
      DomainName: task.domainName,
      AppName: task.appName,
      StreamName: task.streamName,
      StartTime: task.startTime,
      EndTime: task.endTime,
      TemplateId: task.templateId ?? 0,
      Stopped: task.stopped ? 1 : 0,
    }));
    return apiOk(
      page.scrollToken === undefined ? { TaskList: taskList } : { TaskList: taskList, ScrollToken: page.scrollToken },
    );
  }

  function live(action: string, secretId: string, params: Params, nowSeconds: number): Answer {
    switch (action) {
      case 'CreateRecordTask': {
        const valid = validateCreate(params, nowSeconds);
        if (!valid.ok) return valid;
        return apiOk({ TaskId: tasks.create(secretId, valid.value, nowSeconds).taskId });
      }
      case 'StopRecordTask':
      case 'DeleteRecordTask': {
        const taskId = validateTaskId(params);
        if (!taskId.ok) return taskId;
        const done =
          action === 'StopRecordTask' ? tasks.stop(secretId, taskId.value) : tasks.delete(secretId, taskId.value);
        return done ? apiOk({}) : apiError('ResourceNotFound.TaskId', 'The TaskId does not exist.');
      }
      case 'DescribeRecordTask':
        return describeRecordTask(secretId, params, nowSeconds);
      case 'DescribeLiveRecordTemplates':
        return apiOk({ Templates: templates.list() });
      case 'CreateLiveRecordTemplate':
        return templates.create(params);
      case 'DescribeLiveDomains':
        return apiOk({ AllCount: DEFAULT_DOMAINS.length, DomainList: DEFAULT_DOMAINS, CreateLimitCount: 100 });
      case 'DescribeLiveStreamEventList':
        return describeStreamEvents(params, pushes.list(), nowSeconds);
      case 'DescribeLiveStreamState': {
        const stream = validateStreamKey(params);
        if (!stream.ok) return stream;
        return apiOk({ StreamState: streamStates.get(stream.value) });
      }
      default:
        return unknownAction(action);
    }
  }

  function vod(action: string, secretId: string, params: Params, nowSeconds: number): Answer {
    switch (action) {
      case 'SearchMedia':
        // Only the caller's files: those its own tasks recorded of the pushes.
        return searchMedia(
          params,
          pushes
            .media(
              tasks.list().filter((task) => task.secretId === secretId),
              nowSeconds,
            )
            .filter((file) => file.secretId === secretId),
        );
      default:
        return unknownAction(action);
    }
  }

  return { live, vod };
}
