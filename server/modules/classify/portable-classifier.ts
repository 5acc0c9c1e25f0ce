import { deserializeClassifier, serializeClassifier, type SerializedClassifier } from '../../../domain/classify/serialize';
import type { TenantClassifier } from './tenant-classifier';

/** A tenant's classifier as plain data a worker thread can receive (its models serialized). */
export type PortableClassifier = Omit<TenantClassifier, 'topicModel' | 'recipientModel'> & {
  topicModel: SerializedClassifier | null;
  recipientModel: SerializedClassifier | null;
};

export function toPortable(t: TenantClassifier): PortableClassifier {
  return { ...t, topicModel: t.topicModel && serializeClassifier(t.topicModel), recipientModel: t.recipientModel && serializeClassifier(t.recipientModel) };
}

/** The classifier again, predicting exactly as the one it was made from. */
export function fromPortable(p: PortableClassifier): TenantClassifier {
  return { ...p, topicModel: p.topicModel && deserializeClassifier(p.topicModel), recipientModel: p.recipientModel && deserializeClassifier(p.recipientModel) };
}
