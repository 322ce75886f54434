import type { OutboxPage } from '../admin/outbox';
import { Layout } from './layout';

const time = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

/** The message's text with its links clickable (the text is escaped by the renderer; only http(s) URLs become links). */
function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return <pre class="mail-text">{parts.map((part, i) => (i % 2 === 1 ? <a href={part} key={i}>{part}</a> : part))}</pre>;
}

export function AdminOutboxPage({ result, smtp }: { result: OutboxPage; smtp: boolean }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <Layout title="Outgoing mail" signedIn isAdmin>
      <p class="hint">
        {smtp
          ? 'Mail goes to the SMTP server of SMTP_URL; sent messages are not kept here.'
          : 'No SMTP server is set (SMTP_URL): mail is delivered here and to the outbox folder in DATA_DIR. Pass each message on to its addressee; it may hold links only they should use.'}
      </p>
      <table data-testid="outbox">
        <thead><tr><th>Queued (UTC)</th><th>To</th><th>Subject</th><th>State</th><th>Tries</th><th>Message</th></tr></thead>
        <tbody>
          {result.messages.map((message) => (
            <tr key={message.id} data-mail-id={message.id} data-status={message.status}>
              <td>{time(message.createdAt)}</td>
              <td>{message.to}</td>
              <td>{message.subject}</td>
              <td>{message.status === 'sent' ? `sent ${time(message.sentAt)} (${message.transport})` : message.status}{message.lastError && <><br /><small>{message.lastError}</small></>}</td>
              <td>{message.attempts}</td>
              <td>{message.text !== undefined && <details><summary>Show</summary><MailText text={message.text} /></details>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Page {result.page} of {pages} ({result.total} messages, newest first).{' '}
        {result.page > 1 && <a href={`/admin/outbox?page=${result.page - 1}`}>Newer</a>} {result.page < pages && <a href={`/admin/outbox?page=${result.page + 1}`}>Older</a>}
      </p>
    </Layout>
  );
}
