import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  ErrorCode,
  HANDOFF_STATE_LABELS,
  HandoffNotificationKind,
  HandoffState,
  Permission,
  Role,
  ROLE_PERMISSIONS,
} from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { MailService } from '../auth/mail.service';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue.service';
import { NotificationListQueryDto, NotificationPageDto } from './dto/notification.dto';

export const SEND_MAIL_JOB = 'send-mail';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Who can receive notifications at all: the roles that send, receive or oversee hand-offs. */
export const NOTIFICATION_PERMISSIONS: readonly Permission[] = [
  Permission.handoffWrite,
  Permission.handoffRead,
  Permission.handoffInbox,
  Permission.handoffStatusRead,
];
/** Roles that work a hand-off inbox (and so are told when something arrives in it). */
const INBOX_ROLES: readonly Role[] = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) =>
  ROLE_PERMISSIONS[role].includes(Permission.handoffInbox),
);

/** Subject and first line per kind. Dutch: the portal's language; no case details beyond the reference. */
const MAIL_TEXT: Record<HandoffNotificationKind, { subject: string; line: string }> = {
  'handoff-received': {
    subject: 'Nieuwe overdracht {ref} in uw inbox',
    line: 'Er staat een overdracht voor uw organisatie klaar in Ketenkaart: {ref}. Accepteer of wijs deze af.',
  },
  'handoff-accepted': {
    subject: 'Overdracht {ref} is geaccepteerd',
    line: 'De ontvangende organisatie heeft uw overdracht {ref} geaccepteerd.',
  },
  'handoff-declined': {
    subject: 'Overdracht {ref} is afgewezen',
    line: 'De ontvangende organisatie heeft uw overdracht {ref} afgewezen; bekijk de reden en het alternatief.',
  },
  'handoff-overdue': {
    subject: 'Overdracht {ref} is niet op tijd beantwoord',
    line: 'Overdracht {ref} in uw regio is na de reactietermijn nog niet geaccepteerd of afgewezen.',
  },
  'handoff-transferred': {
    subject: 'Regio-overdracht {ref}',
    line: 'Een casus wordt met overdracht {ref} naar een andere regio overgedragen; uw regio is erbij betrokken.',
  },
};

/** Accounts that work the receiving organisation's inbox or hold the addressed function inbox (SQL placeholders given). */
const receiversSql = (handoff: string, roles: string, today: string) =>
  `SELECT a.id FROM account a JOIN handoff h ON h.id = ${handoff}
       WHERE a.status = 'active' AND a.roles && ${roles} AND a.organisation_id IS NOT NULL
         AND (a.organisation_id = h.receiver_organisation_id OR EXISTS (
           SELECT 1 FROM function_assignment fa
           WHERE fa.organisation_id = a.organisation_id AND fa.function_type = h.receiver_function_type
             AND fa.region_id = h.receiver_region_id AND fa.archived_at IS NULL
             AND (fa.end_date IS NULL OR fa.end_date >= ${today})))`;
const ketenregisseursSql = (handoff: string, role: string) =>
  `SELECT a.id FROM account a JOIN handoff h ON h.id = ${handoff}
       WHERE a.status = 'active' AND ${role} = ANY(a.roles) AND a.region_ids && h.region_ids`;
const senderSql = (handoff: string) =>
  `SELECT a.id FROM account a JOIN handoff h ON h.sender_account_id = a.id
       WHERE h.id = ${handoff} AND a.status = 'active'`;

/**
 * In-app notifications and the e-mails that follow them. `notify` runs inside the caller's transaction: the
 * notification rows and one `send-mail` job per recipient commit together with the change that caused them.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register(SEND_MAIL_JOB, (payload) => this.sendMail(String(payload.notificationId)));
  }

  // ---------------------------------------------------------------- who is told what

  /** After a hand-off moved (inside that transaction): tell the other side, and the ketenregisseurs on a transfer. */
  async handoffChanged(
    manager: EntityManager,
    change: {
      transition: string;
      handoffId: string;
      forwardedHandoffId: string | null;
      actorAccountId: string | null;
    },
  ): Promise<void> {
    const skip = change.actorAccountId;
    switch (change.transition) {
      case 'send':
        await this.handoffSent(manager, change.handoffId, skip);
        break;
      case 'forward':
        if (change.forwardedHandoffId) await this.handoffSent(manager, change.forwardedHandoffId, skip);
        break;
      case 'accept':
      case 'decline': {
        const kind = change.transition === 'accept' ? 'handoff-accepted' : 'handoff-declined';
        await this.notify(manager, kind, change.handoffId, await this.senderOf(manager, change.handoffId));
        break;
      }
    }
  }

  /**
   * `handoffChanged` as parts of one statement (data-modifying CTEs named `<prefix>…`), for a move that is written
   * in one round trip: the same notifications and `send-mail` jobs, written only when `onlyIf` (an SQL condition)
   * holds. Not for `forward` (the new hand-off is not in the database yet): use `handoffChanged` there.
   * `param` adds a parameter and returns its placeholder.
   */
  handoffChangedSql(
    change: { transition: string; handoffId: string; pathCode: string; actorAccountId: string | null },
    param: (value: unknown, cast?: string) => string,
    onlyIf: string,
    prefix = 'notified',
  ): string[] {
    if (change.transition === 'forward') throw new Error('handoffChangedSql: forward needs handoffChanged');
    if (!['send', 'accept', 'decline'].includes(change.transition)) return [];
    const handoff = param(change.handoffId, '::uuid');
    const parts: [HandoffNotificationKind, string][] = [];
    if (change.transition === 'send') {
      const skip = param(change.actorAccountId, '::uuid');
      const today = param(todayInNetherlands(this.clock.now()), '::date');
      parts.push([
        'handoff-received',
        `${receiversSql(handoff, param(INBOX_ROLES, '::text[]'), today)} AND a.id IS DISTINCT FROM ${skip}`,
      ]);
      if (change.pathCode === 'regio-overdracht')
        parts.push([
          'handoff-transferred',
          ketenregisseursSql(handoff, param(Role.ketenregisseur, '::text')),
        ]);
    } else if (change.transition === 'accept' || change.transition === 'decline')
      parts.push([
        change.transition === 'accept' ? 'handoff-accepted' : 'handoff-declined',
        senderSql(handoff),
      ]);
    const now = param(this.clock.now(), '::timestamptz');
    return parts.flatMap(([kind, recipients], index) => [
      `${prefix}${index} AS (
        INSERT INTO notification (account_id, kind, handoff_id, created_at)
        SELECT DISTINCT r.id, ${param(kind, '::text')}, ${handoff}, ${now} FROM (${recipients}) r WHERE ${onlyIf}
        RETURNING id)`,
      `${prefix}${index}_mail AS (${this.jobs.enqueueEachSql(
        SEND_MAIL_JOB,
        `${prefix}${index} n`,
        { payload: `jsonb_build_object('notificationId', n.id)`, dedupeKey: `'mail:' || n.id` },
        param,
      )})`,
    ]);
  }

  /** The deadline passed: the ketenregisseur(s) of the regions involved. */
  async handoffOverdue(manager: EntityManager, handoffId: string): Promise<number> {
    return this.notify(
      manager,
      'handoff-overdue',
      handoffId,
      await this.ketenregisseursOf(manager, handoffId),
    );
  }

  private async handoffSent(manager: EntityManager, handoffId: string, skip: string | null): Promise<void> {
    const receivers = (await this.receiversOf(manager, handoffId)).filter((id) => id !== skip);
    await this.notify(manager, 'handoff-received', handoffId, receivers);
    const [handoff] = await manager.query(`SELECT path_code FROM handoff WHERE id = $1`, [handoffId]);
    // A cross-region transfer informs the ketenregisseurs of both regions (issue 6 §3): the regions involved
    // hold the gemeente of the signal, the sender's area and the receiving region.
    if (handoff?.path_code === 'regio-overdracht')
      await this.notify(
        manager,
        'handoff-transferred',
        handoffId,
        await this.ketenregisseursOf(manager, handoffId),
      );
  }

  /** Accounts that work the receiving organisation's inbox, or hold the addressed function inbox. */
  async receiversOf(manager: EntityManager, handoffId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `${receiversSql('$1', '$2::text[]', '$3::date')} ORDER BY a.id`,
      [handoffId, INBOX_ROLES, todayInNetherlands(this.clock.now())],
    );
    return rows.map((row) => row.id);
  }

  /** Ketenregisseurs whose regions overlap the regions involved in the hand-off. */
  async ketenregisseursOf(manager: EntityManager, handoffId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`${ketenregisseursSql('$1', '$2')} ORDER BY a.id`, [
      handoffId,
      Role.ketenregisseur,
    ]);
    return rows.map((row) => row.id);
  }

  private async senderOf(manager: EntityManager, handoffId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(senderSql('$1'), [handoffId]);
    return rows.map((row) => row.id);
  }

  /** One notification per account and one `send-mail` job per notification; returns how many. */
  async notify(
    manager: EntityManager,
    kind: HandoffNotificationKind,
    handoffId: string,
    accountIds: readonly string[],
  ): Promise<number> {
    const recipients = [...new Set(accountIds)];
    if (recipients.length === 0) return 0;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notification (account_id, kind, handoff_id, created_at)
       SELECT unnest($1::uuid[]), $2, $3, $4 RETURNING id`,
      [recipients, kind, handoffId, this.clock.now()],
    );
    for (const row of rows)
      await this.jobs.enqueue(
        SEND_MAIL_JOB,
        { notificationId: row.id },
        { dedupeKey: `mail:${row.id}` },
        manager,
      );
    return rows.length;
  }

  // ---------------------------------------------------------------- e-mail

  /**
   * The `send-mail` job: looks the notification up when it runs (so the job row holds an id only) and sends a
   * short text with the case reference and a link — never notes. Without SMTP_URL in production there is
   * nothing to send through: the job ends (the in-app notification remains).
   */
  async sendMail(notificationId: string): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT n.kind, n.handoff_id, a.email, a.status, h.case_reference, h.state
       FROM notification n JOIN account a ON a.id = n.account_id JOIN handoff h ON h.id = n.handoff_id
       WHERE n.id = $1`,
      [notificationId],
    );
    if (!row || row.status !== 'active') return;
    if (!this.config.SMTP_URL && this.config.NODE_ENV === 'production') {
      this.logger.warn(`SMTP_URL unset: no e-mail for notification ${notificationId}`);
      return;
    }
    const text = MAIL_TEXT[row.kind as HandoffNotificationKind] ?? MAIL_TEXT['handoff-received'];
    const ref = String(row.case_reference);
    const link = `${this.config.PUBLIC_URL}/overdrachten/${row.handoff_id}`;
    await this.mail.send({
      to: row.email,
      subject: `Ketenkaart: ${text.subject.replace('{ref}', ref)}`,
      text: [
        text.line.replace('{ref}', ref),
        `Huidige status: ${HANDOFF_STATE_LABELS[row.state as HandoffState] ?? row.state}.`,
        '',
        `Bekijk de overdracht (na inloggen): ${link}`,
        '',
        'Dit bericht bevat bewust geen gegevens over de casus. U kunt meldingen ook in Ketenkaart zelf bekijken.',
      ].join('\n'),
    });
  }

  // ---------------------------------------------------------------- the recipient's own list

  /** The caller's own notifications, newest first, with the unread count. */
  async list(principal: Principal, query: NotificationListQueryDto): Promise<NotificationPageDto> {
    const accountId = this.requireAccount(principal);
    const unreadOnly = query.unread === true;
    const rows: {
      id: string;
      kind: string;
      handoff_id: string;
      case_reference: string;
      created_at: Date;
      read_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.handoff_id, h.case_reference, n.created_at, n.read_at
       FROM notification n JOIN handoff h ON h.id = n.handoff_id
       WHERE n.account_id = $1 AND ($2::boolean = false OR n.read_at IS NULL)
       ORDER BY n.created_at DESC, n.id LIMIT $3 OFFSET $4`,
      [accountId, unreadOnly, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const [counts] = await this.dataSource.query(
      `SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE read_at IS NULL) AS unread
       FROM notification WHERE account_id = $1`,
      [accountId],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind as HandoffNotificationKind,
        handoffId: row.handoff_id,
        caseReference: row.case_reference,
        createdAt: new Date(row.created_at).toISOString(),
        readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total: unreadOnly ? Number(counts.unread) : Number(counts.total),
      unread: Number(counts.unread),
    };
  }

  /** Marks one of the caller's notifications read; someone else's is a 404 like an unknown one. */
  async markRead(principal: Principal, id: string): Promise<void> {
    const accountId = this.requireAccount(principal);
    if (!UUID.test(id)) throw ProblemException.notFound('Notification', id);
    const [found] = await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND account_id = $2 RETURNING id`,
      [id, accountId, this.clock.now()],
    );
    const updated = Array.isArray(found) ? found[0] : found;
    if (!updated) throw ProblemException.notFound('Notification', id);
  }

  async markAllRead(principal: Principal): Promise<{ marked: number }> {
    const accountId = this.requireAccount(principal);
    const result = await this.dataSource.query(
      `UPDATE notification SET read_at = $2 WHERE account_id = $1 AND read_at IS NULL`,
      [accountId, this.clock.now()],
    );
    return { marked: Number(Array.isArray(result) ? result[1] : 0) };
  }

  private requireAccount(principal: Principal): string {
    if (!principal.accountId || !NOTIFICATION_PERMISSIONS.some((permission) => principal.can(permission)))
      throw new ProblemException(
        403,
        ErrorCode.forbidden,
        'Only accounts that send, receive or oversee hand-offs receive notifications.',
      );
    return principal.accountId;
  }
}
