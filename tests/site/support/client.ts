// A small HTTP client with a cookie jar, talking to the site like a browser's fetch would.
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export class Client {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string, readonly defaultHeaders: Record<string, string> = {}) {}

  async request(method: string, path: string, options: { json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    this.storeCookies(response.headers.getSetCookie());
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  post(path: string, json?: unknown, headers?: Record<string, string>): Promise<Reply> {
    return this.request('POST', path, { json, headers });
  }

  /** A plain HTML form post, as a browser sends it (the site's own Origin). */
  form(path: string, fields: Record<string, string>): Promise<Reply> {
    return this.request('POST', path, {
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl },
    });
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.request('GET', path, { headers });
  }

  private storeCookies(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || !value;
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
