// One description of a message gives both its parts: plain text and HTML (escaped by Preact's renderer), so they
// never say different things.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';

export type MailBlock = string | { link: string; label: string };

export interface MailContent {
  subject: string;
  blocks: MailBlock[];
}

export interface RenderedMail { subject: string; text: string; html: string }

const SIGNATURE = 'Tessera Demo';

export function renderMail({ subject, blocks }: MailContent): RenderedMail {
  const text = [...blocks.map((block) => (typeof block === 'string' ? block : `${block.label}:\n${block.link}`)), `-- \n${SIGNATURE}`].join('\n\n');
  const body = h('div', null, [
    ...blocks.map((block) => (typeof block === 'string' ? h('p', null, block) : h('p', null, h('a', { href: block.link }, block.label)))),
    h('p', { style: 'color:#666' }, SIGNATURE),
  ]);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${renderToString(body)}</body></html>`;
  return { subject, text: `${text}\n`, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
