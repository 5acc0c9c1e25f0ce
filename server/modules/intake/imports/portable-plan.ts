import { fromPortable, toPortable, type PortableClassifier } from '../../classify/portable-classifier';
import { fromPortableDeadlines, toPortableDeadlines, type PortableDeadlines } from '../../cases/deadlines/portable-deadlines';
import { BatchDeadlines } from './batch-deadlines';
import type { PlanContext } from './plan-new-cases';

/** What planning new cases needs, as plain data for the mapping thread. */
export interface PortablePlan {
  channel: string;
  status: PlanContext['status'];
  classifier: PortableClassifier | null;
  deadlines: PortableDeadlines;
  /** Fast-track topics (a topic filled by the classifier sets the flag). */
  priorityTopics: string[];
}

export function toPortablePlan(ctx: PlanContext, priorityTopics: Iterable<string>): PortablePlan {
  return { channel: ctx.channel, status: ctx.status, classifier: ctx.classifier && toPortable(ctx.classifier), deadlines: toPortableDeadlines(ctx.deadlines.tenant), priorityTopics: [...priorityTopics] };
}

export function fromPortablePlan(p: PortablePlan): PlanContext {
  const priority = new Set(p.priorityTopics);
  return { channel: p.channel, status: p.status, classifier: p.classifier && fromPortable(p.classifier), deadlines: new BatchDeadlines(fromPortableDeadlines(p.deadlines)), topicPriority: (id) => priority.has(id) };
}
