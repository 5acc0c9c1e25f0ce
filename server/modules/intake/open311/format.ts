import type { FastifyReply } from 'fastify';

export type Open311Format = 'json' | 'xml';

/** Characters XML 1.0 does not allow at all (control characters other than tab and line breaks). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };

/** Child element names of list fields (GeoReport v2: `attributes` holds `attribute`, `values` holds `value`). */
const ITEM: Record<string, string> = { attributes: 'attribute', values: 'value', errors: 'error', services: 'service', service_requests: 'request' };

function element(name: string, v: Value, indent: string): string {
  if (v === null || v === undefined) return `${indent}<${name}/>`;
  if (Array.isArray(v)) {
    const inner = v.map((x) => element(ITEM[name] ?? 'item', x, indent + '  ')).join('\n');
    return inner ? `${indent}<${name}>\n${inner}\n${indent}</${name}>` : `${indent}<${name}/>`;
  }
  if (typeof v === 'object') {
    const inner = Object.entries(v)
      .map(([k, x]) => element(k, x, indent + '  '))
      .join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(v))}</${name}>`;
}

/** A GeoReport v2 document: `<services><service>…`, `<service_requests><request>…`, `<errors><error>…`. */
export function toXml(root: string, body: Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, body, '')}\n`;
}

/** Sends a list (or one object, as service definitions are) in the format of the URL's extension. */
export function sendOpen311(reply: FastifyReply, format: Open311Format, root: string, body: Value, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, body));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** The format from a request URL (`….xml`, else JSON), for error answers before parameters are parsed. */
export function formatOfUrl(url: string): Open311Format {
  return /\.xml(?:$|\?)/i.test(url) ? 'xml' : 'json';
}
