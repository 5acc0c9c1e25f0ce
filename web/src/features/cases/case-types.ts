/**
 * Shapes of the cases API answers (server/modules/cases). Request bodies use the zod inputs of
 * domain/cases/schemas.ts.
 */
import type { CaseStatus, CasePriority, Regime } from '../../../../domain/cases/status';
import type { CaseAction } from '../../../../domain/cases/transitions';
import type { ReworkCriterion } from '../../../../domain/cases/review';

export type { CaseStatus, CasePriority, Regime, CaseAction, ReworkCriterion };

export type DeadlineState = 'on_time' | 'at_risk' | 'overdue' | 'paused';

/** One row of the register, the inbox and the search. */
export interface CaseListItem {
  id: string;
  number: string;
  receivedAt: string;
  regime: Regime;
  channel: string;
  status: CaseStatus;
  text: string;
  address: string | null;
  topicName: string | null;
  subtopicName: string | null;
  settlementName: string | null;
  recipientId: string | null;
  recipientName: string | null;
  executorName: string | null;
  answerDue: string | null;
  answeredAt: string | null;
  deadlineState: DeadlineState | null;
  rating: number | null;
  fastTrack: boolean;
  priority: CasePriority;
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
}

export interface CaseCount {
  total: number;
  capped: boolean;
}

export interface CaseAnswer {
  id: string;
  kind: 'interim' | 'final';
  text: string;
  completionDate: string | null;
  state: 'submitted' | 'prepared' | 'approved' | 'returned' | 'sent';
  reviewCriteria: ReworkCriterion[] | null;
  reviewComment: string | null;
  author: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

export interface CaseTimelineEvent {
  id: number;
  at: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actor: string | null;
}

export interface MaskedApplicant {
  fullName: string | null;
  email: string | null;
  phone: string | null;
  hasPostalAddress: boolean;
  replyBy: ReplyBy | null;
  canReveal: boolean;
}

export type ReplyBy = 'email' | 'post' | 'phone' | 'none';

export interface ClearApplicant {
  fullName: string | null;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  socialProfile: string | null;
  replyBy: ReplyBy | null;
}

export interface CaseCard {
  id: string;
  number: string;
  regime: Regime;
  channel: string;
  sourceId: string | null;
  status: CaseStatus;
  text: string;
  receivedAt: string;
  registeredAt: string | null;
  topicId: string | null;
  subtopicId: string | null;
  settlementId: string | null;
  localityId: string | null;
  address: string | null;
  recipientId: string | null;
  executorId: string | null;
  priority: CasePriority;
  fastTrack: boolean;
  routingReason: string | null;
  autoRouted: boolean;
  registrationDue: string | null;
  forwardingDue: string | null;
  interimDue: string | null;
  answerDue: string | null;
  answerAtRiskFrom: string | null;
  answerDueOriginal: string | null;
  fastTrackDue: string | null;
  extensionDays: number | null;
  extensionReason: string | null;
  pausedSince: string | null;
  firstAnsweredAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  rating: number | null;
  ratedAt: string | null;
  ratingComment: string | null;
  returnsCount: number;
  reopenCount: number;
  duplicateOfId: string | null;
  forwardedTo: string | null;
  statusReason: string | null;
  topicName: string | null;
  subtopicName: string | null;
  settlementName: string | null;
  localityName: string | null;
  recipientName: string | null;
  executorName: string | null;
  applicant: MaskedApplicant | null;
  answers: CaseAnswer[];
  files: { id: string; fileName: string; mimeType: string; size: number; createdAt?: string }[];
  notes: { id: string; text: string; createdAt: string; author: string | null }[];
  related: { kind: string; id: string; number: string; status: CaseStatus; receivedAt: string; text: string }[];
  duplicates: { id: string; number: string }[];
  coExecutors: { id: string; name: string }[];
  pauses: { id: string; fromAt: string; toAt: string | null; reason: string | null }[];
  timeline: CaseTimelineEvent[];
  actions: CaseAction[];
  canExtend: boolean;
}

export interface Channel {
  id: string;
  code: string;
  name: string;
  defaultRegime: Regime;
  isActive: boolean;
}

export interface SavedView {
  id: string;
  userId: string;
  name: string;
  query: string;
  shared: boolean;
}

export interface AppNotification {
  id: string;
  caseId: string | null;
  kind: string;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface PublicCase {
  number: string;
  status: CaseStatus;
  receivedAt: string;
  answerDue: string | null;
  answer: { text: string; at: string | null } | null;
  rating: number | null;
  canRate: boolean;
}
