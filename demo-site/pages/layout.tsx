// The frame of every page. No inline script or style: the CSP forbids them; behaviour comes from /static/site.js.
import type { ComponentChildren } from 'preact';

export interface LayoutProps {
  title: string;
  signedIn?: boolean;
  isAdmin?: boolean;
  /** Page-specific ES modules from /static (no inline script: the CSP forbids it). */
  scripts?: string[];
  children: ComponentChildren;
}

export function Layout({ title, signedIn = false, isAdmin = false, scripts = [], children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Tessera Demo`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/site.css" />
        <script src="/static/site.js" defer />
        {scripts.map((src) => <script type="module" src={src} key={src} />)}
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">Tessera Demo</a>
          <nav>
            {isAdmin && <><a href="/admin">Requests</a> <a href="/admin/users">Users</a> <a href="/admin/audit">Audit log</a> <a href="/admin/recoveries">Recoveries</a> <a href="/admin/outbox">Outbox</a> </>}
            {signedIn ? (
              <form method="post" action="/signout" class="inline">
                <button type="submit" class="link">Sign out</button>
              </form>
            ) : (
              <>
                <a href="/signin">Sign in</a> <a href="/signup">Create account</a>
              </>
            )}
          </nav>
        </header>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}
