// The simulator's memory of recording tasks, per account, so Describe/Stop/Delete behave like the platform.
import { randomBytes } from 'node:crypto';
import type { CreateParams, DescribeParams } from './params.js';

/** A task as the simulator keeps it. */
export interface SimulatedTask extends CreateParams {
  /** Opaque id like the platform's (e.g. `UpTbk5RSVhR...`). */
  taskId: string;
  /** The SecretId that created it: tasks are visible only to their own account. */
  secretId: string;
  /** Unix seconds of creation. */
  createdAt: number;
  stopped: boolean;
}

/** One page of a DescribeRecordTask answer. */
export interface TaskPage {
  tasks: SimulatedTask[];
  /** Present when more pages follow. */
  scrollToken?: string;
}

export interface TaskStore {
  create(secretId: string, params: CreateParams, now: number): SimulatedTask;
  /** False when the account has no such task. */
  stop(secretId: string, taskId: string): boolean;
  delete(secretId: string, taskId: string): boolean;
  /** Null when the scroll token is not one this store issued for the same query. */
  describe(secretId: string, query: DescribeParams): TaskPage | null;
  /** Every task of every account, oldest first (for tests and the sandbox). */
  list(): SimulatedTask[];
  clear(): void;
}

function newTaskId(): string {
  // The platform's ids are long opaque base64-like strings; alphanumerics only keeps them shell-safe.
  return randomBytes(48)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 54);
}

function matches(task: SimulatedTask, secretId: string, query: DescribeParams): boolean {
  return (
    task.secretId === secretId &&
    task.startTime >= query.startTime &&
    task.startTime <= query.endTime &&
    (query.domainName === undefined || task.domainName === query.domainName) &&
    (query.appName === undefined || task.appName === query.appName) &&
    (query.streamName === undefined || task.streamName === query.streamName)
  );
}

function queryKey(secretId: string, query: DescribeParams): string {
  return JSON.stringify([secretId, query.startTime, query.endTime, query.domainName, query.appName, query.streamName]);
}

export function createTaskStore(pageSize: number): TaskStore {
  const tasks = new Map<string, SimulatedTask>();
  // Scroll tokens are opaque to the client; here they map to (query, offset) so a token cannot be reused across queries.
  const scrolls = new Map<string, { key: string; offset: number }>();

  return {
    create(secretId, params, now) {
      const task: SimulatedTask = { ...params, taskId: newTaskId(), secretId, createdAt: now, stopped: false };
      tasks.set(task.taskId, task);
      return task;
    },
    stop(secretId, taskId) {
      const task = tasks.get(taskId);
      if (task === undefined || task.secretId !== secretId) return false;
      task.stopped = true;
      return true;
    },
    delete(secretId, taskId) {
      const task = tasks.get(taskId);
      if (task === undefined || task.secretId !== secretId) return false;
      return tasks.delete(taskId);
    },
    describe(secretId, query) {
      const key = queryKey(secretId, query);
      let offset = 0;
      if (query.scrollToken !== undefined) {
        const scroll = scrolls.get(query.scrollToken);
        if (scroll === undefined || scroll.key !== key) return null;
        scrolls.delete(query.scrollToken);
        offset = scroll.offset;
      }
      const all = [...tasks.values()].filter((task) => matches(task, secretId, query));
      const page = all.slice(offset, offset + pageSize);
      if (offset + pageSize >= all.length) return { tasks: page };
      const scrollToken = randomBytes(16).toString('hex');
      scrolls.set(scrollToken, { key, offset: offset + pageSize });
      return { tasks: page, scrollToken };
    },
    list() {
      return [...tasks.values()];
    },
    clear() {
      tasks.clear();
      scrolls.clear();
    },
  };
}
