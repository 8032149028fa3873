import type { ArgParser } from './args.js';
import { parseHours } from './parse-hours.js';
import { parseId, parseOneId } from './parse-id.js';
import { usageError } from './usage-error.js';

/** `time <hours> <project_id> <task_id> <text>` (Harvest time entry, T2) and `timer <entry_id>` (T4). */
export const parseTime: ArgParser = (args) => {
  const [hoursWord, projectWord, taskWord] = args.words;
  if (hoursWord === undefined)
    return usageError('time', 'time needs hours, a project id, a task id and a note.');
  const hours = parseHours(hoursWord.text);
  if (!hours.ok) return usageError('time', hours.problem);
  if (projectWord === undefined)
    return usageError('time', 'time needs a Harvest project id after the hours.');
  const projectId = parseId(projectWord.text, 'a project id');
  if (!projectId.ok) return usageError('time', projectId.problem);
  if (taskWord === undefined) return usageError('time', 'time needs a Harvest task id after the project id.');
  const taskId = parseId(taskWord.text, 'a task id');
  if (!taskId.ok) return usageError('time', taskId.problem);
  const text = args.rest(3);
  if (text === '') return usageError('time', 'time needs a note saying what the time was for.');
  return { name: 'time', hours: hours.value, projectId: projectId.value, taskId: taskId.value, text };
};

export const parseTimer: ArgParser = (args) => {
  const id = parseOneId(args.words, 'timer needs the id of one of your time entries.', 'a time entry id');
  return id.ok ? { name: 'timer', entryId: id.value } : usageError('timer', id.problem);
};
