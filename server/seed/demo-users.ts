import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/tx';
import { recipients, topicBlocks, userRoles, users } from '../db/schema';
import { hashPassword } from '../modules/auth/password';

export const DEMO_PASSWORD = 'mcu-demo-2026';

interface DemoUser {
  login: string;
  fullName: string;
  position: string;
  role: string;
  recipientCode?: string;
  blockCode?: string;
  region?: boolean;
}

/** One demo person for every role of the decree (fictional names). */
export const DEMO_USERS: DemoUser[] = [
  { login: 'admin', fullName: 'Соколова Ирина Павловна', position: 'Администратор системы', role: 'admin' },
  { login: 'head', fullName: 'Воронов Алексей Николаевич', position: 'Руководитель МЦУ', role: 'head' },
  { login: 'curator', fullName: 'Миронова Елена Викторовна', position: 'Заместитель главы района, куратор МЦУ', role: 'curator' },
  { login: 'glava', fullName: 'Кузнецов Сергей Иванович', position: 'Глава района', role: 'glava' },
  { login: 'block.zhkh', fullName: 'Белов Дмитрий Андреевич', position: 'Руководитель блока ЖКХ, энергетики и ТКО', role: 'block_lead', blockCode: 'zhkh' },
  { login: 'pos', fullName: 'Никитина Ольга Сергеевна', position: 'Ответственный за ПОС', role: 'pos_coordinator' },
  { login: 'incident', fullName: 'Жуков Павел Олегович', position: 'Ответственный за «Инцидент Менеджмент»', role: 'incident_coordinator' },
  { login: 'operator', fullName: 'Фролова Анна Михайловна', position: 'Специалист по приёму обращений', role: 'operator' },
  { login: 'rhead.kamenskoe', fullName: 'Гусев Виктор Петрович', position: 'Глава администрации Каменского МО', role: 'recipient_head', recipientCode: 'admin-kamenskoe' },
  { login: 'exec.kamenskoe', fullName: 'Орлова Наталья Юрьевна', position: 'Специалист администрации Каменского МО', role: 'executor', recipientCode: 'admin-kamenskoe' },
  { login: 'exec.krasnoarmeysk', fullName: 'Титов Максим Алексеевич', position: 'Специалист по ЖКХ г. Красноармейска', role: 'executor', recipientCode: 'admin-krasnoarmeysk' },
  { login: 'region', fullName: 'Лебедева Марина Игоревна', position: 'Аналитик ЦУР Саратовской области', role: 'region_observer', region: true },
];

export async function seedDemoUsers(tx: Tx, municipalityId: string, regionId: string): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const tenantId = u.region ? regionId : municipalityId;
    const recipientId = u.recipientCode ? await idByCode(tx, recipients, tenantId, u.recipientCode) : null;
    const blockId = u.blockCode ? await idByCode(tx, topicBlocks, tenantId, u.blockCode) : null;
    const [row] = await tx
      .insert(users)
      .values({ tenantId, login: u.login, fullName: u.fullName, position: u.position, recipientId, passwordHash })
      .returning({ id: users.id });
    await tx.insert(userRoles).values({ userId: row.id, roleCode: u.role, tenantId, recipientId, blockId });
  }
}

async function idByCode(tx: Tx, table: typeof recipients | typeof topicBlocks, tenantId: string, code: string): Promise<string> {
  const [row] = await tx.select({ id: table.id }).from(table).where(and(eq(table.tenantId, tenantId), eq(table.code, code)));
  if (!row) throw new Error(`Демо-данные: нет записи с кодом ${code}`);
  return row.id;
}
