// siteOf, answered by a worker (site-worker.ts) so the page's main thread does not build the public suffix list. Only
// web pages need it: any other URL has no site and is answered at once.
const isWebPage = (url: string) => /^https?:\/\//i.test(url);

export async function siteOfOffThread(url: string): Promise<string | null> {
  if (!isWebPage(url)) return null;
  try {
    return await askWorker(url);
  } catch {
    // A browser that cannot start the worker: the same answer from this thread.
    return (await import('./sites')).siteOf(url);
  }
}

function askWorker(url: string): Promise<string | null> {
  const worker = new Worker(new URL('./site-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<string | null>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<string | null>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'The site worker failed.'));
    worker.postMessage(url);
  }).finally(() => worker.terminate());
}
