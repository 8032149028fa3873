/**
 * The Harvest projects and tasks this server knows. Real Co-op asked the user's Harvest account;
 * this server has none, so DayEntries may only name the ids listed here.
 */
export interface HarvestTask {
  id: number;
  name: string;
}

export interface HarvestProject {
  id: number;
  name: string;
  client: string;
  tasks: readonly HarvestTask[];
}

export const HARVEST_PROJECTS: readonly HarvestProject[] = [
  {
    id: 111,
    name: 'Website',
    client: 'Fawlty Towers',
    tasks: [
      { id: 222, name: 'Development' },
      { id: 223, name: 'Design' },
    ],
  },
  {
    id: 112,
    name: 'Gourmet Night',
    client: 'Fawlty Towers',
    tasks: [
      { id: 224, name: 'Planning' },
      { id: 225, name: 'Cooking' },
    ],
  },
  {
    id: 113,
    name: 'Kitchen Renovation',
    client: "O'Reilly Builders",
    tasks: [{ id: 226, name: 'Project Management' }],
  },
];

export interface CatalogEntry {
  project: HarvestProject;
  task: HarvestTask;
}

export function findProject(projectId: number): HarvestProject | undefined {
  return HARVEST_PROJECTS.find((project) => project.id === projectId);
}

/** The project and task, if the task belongs to the project. */
export function findCatalogEntry(projectId: number, taskId: number): CatalogEntry | undefined {
  const project = findProject(projectId);
  const task = project?.tasks.find((candidate) => candidate.id === taskId);
  return project && task ? { project, task } : undefined;
}
