import { localParts, zonedTimeToUtc } from '../../../../../domain/time/zoned';

/** The registration form's flat values; `applicant.*` keys match the server's field errors. */
export interface RegisterFormValues {
  [key: string]: unknown;
  regime: 'FZ59' | 'MESSAGE';
  channel: string | null;
  receivedDate: string | null;
  receivedTime: string;
  text: string;
  topicId: string | null;
  subtopicId: string | null;
  settlementId: string | null;
  localityId: string | null;
  address: string;
  priority: 'low' | 'normal' | 'high';
  fastTrack: boolean;
  recipientId: string | null;
  'applicant.fullName': string;
  'applicant.postalAddress': string;
  'applicant.email': string;
  'applicant.phone': string;
  'applicant.replyBy': string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A new form: reception, 59-ФЗ, received now (in the tenant's zone). */
export function initialValues(now: Date, timeZone: string): RegisterFormValues {
  const p = localParts(now, timeZone);
  return {
    regime: 'FZ59',
    channel: 'reception',
    receivedDate: p.date,
    receivedTime: `${pad(p.hour)}:${pad(p.minute)}`,
    text: '',
    topicId: null,
    subtopicId: null,
    settlementId: null,
    localityId: null,
    address: '',
    priority: 'normal',
    fastTrack: false,
    recipientId: null,
    'applicant.fullName': '',
    'applicant.postalAddress': '',
    'applicant.email': '',
    'applicant.phone': '',
    'applicant.replyBy': null,
  };
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** Local date and time of reception → an ISO instant; anything malformed is left for the schema to refuse. */
function receivedAt(date: string | null, time: string, timeZone: string): string | undefined {
  const hhmm = time.trim().slice(0, 5);
  if (!date || !/^\d{2}:\d{2}$/.test(hhmm)) return undefined;
  try {
    return zonedTimeToUtc(date, hhmm, timeZone).toISOString();
  } catch {
    return undefined;
  }
}

/** Form values → the body of POST /api/cases (registerCaseInput). */
export function toRegisterInput(v: RegisterFormValues, timeZone: string) {
  return {
    regime: v.regime,
    channel: v.channel ?? undefined,
    receivedAt: receivedAt(v.receivedDate, v.receivedTime, timeZone),
    text: v.text,
    topicId: v.topicId,
    subtopicId: v.subtopicId,
    settlementId: v.settlementId,
    localityId: v.localityId,
    address: blank(v.address),
    priority: v.priority,
    fastTrack: v.fastTrack ? true : undefined,
    recipientId: v.recipientId,
    applicant: {
      fullName: blank(v['applicant.fullName']),
      postalAddress: blank(v['applicant.postalAddress']),
      email: blank(v['applicant.email']),
      phone: blank(v['applicant.phone']),
      replyBy: v['applicant.replyBy'] ?? undefined,
    },
  };
}
