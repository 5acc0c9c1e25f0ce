import nodemailer from 'nodemailer';
import { and, eq, gt, inArray, isNull, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notifications, users } from '../../db/schema';

/**
 * Sends the notifications that have not been e-mailed yet to users with an address, when SMTP is
 * configured. Each one is marked in the same transaction that claimed it (SKIP LOCKED), so
 * parallel workers never send twice; a failed send rolls back and is retried next time.
 */
export async function sendPendingEmails(database: Database, smtpUrl: string, from: string, now: Date, publicUrl: string): Promise<number> {
  const transport = nodemailer.createTransport(smtpUrl);
  const since = new Date(now.getTime() - 2 * 86400_000);
  let sent = 0;
  try {
    for (;;) {
      const n = await database.db.transaction(async (tx) => {
        const batch = await tx
          .select({ id: notifications.id, text: notifications.text, caseId: notifications.caseId, email: users.email })
          .from(notifications)
          .innerJoin(users, eq(users.id, notifications.userId))
          .where(and(isNull(notifications.emailedAt), gt(notifications.createdAt, since), isNotNull(users.email)))
          .limit(50)
          .for('update', { of: notifications, skipLocked: true });
        for (const m of batch) {
          const link = m.caseId ? `\n\nКарточка: ${publicUrl}/cases/${m.caseId}` : '';
          await transport.sendMail({ from, to: m.email!, subject: `МЦУ: ${m.text}`.slice(0, 200), text: `${m.text}${link}\n\n— Муниципальный центр управления` });
        }
        if (batch.length) await tx.update(notifications).set({ emailedAt: now }).where(inArray(notifications.id, batch.map((m) => m.id)));
        return batch.length;
      });
      sent += n;
      if (n < 50) break;
    }
  } finally {
    transport.close();
  }
  return sent;
}
