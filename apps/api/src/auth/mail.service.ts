import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@ketenkaart/shared-domain';
import { createTransport, type Transporter } from 'nodemailer';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail through SMTP_URL. Without it (development only) the message, link included, goes to the log;
 * in production that fallback is refused, because the log would then hold working sign-in links.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private transport: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  async send(message: MailMessage): Promise<void> {
    if (!this.config.SMTP_URL) {
      if (this.config.NODE_ENV === 'production') {
        throw new ProblemException(
          503,
          ErrorCode.mailUnavailable,
          'E-mail is not configured (SMTP_URL); no link was sent.',
        );
      }
      this.logger.warn(
        `SMTP_URL unset (development): e-mail to ${message.to} — ${message.subject}\n${message.text}`,
      );
      return;
    }
    try {
      await this.deliver(message);
    } catch (error) {
      this.logger.error({ err: error }, 'SMTP delivery failed');
      throw new ProblemException(
        503,
        ErrorCode.mailUnavailable,
        'The mail server did not accept the message; try again later.',
      );
    }
  }

  /** The SMTP edge: the only method that talks to the mail server (tests replace it). */
  async deliver(message: MailMessage): Promise<void> {
    this.transport ??= createTransport(this.config.SMTP_URL);
    await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message });
  }
}
