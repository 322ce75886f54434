// The site of a page, worked out on a thread of its own: building the public suffix list takes the popup's main thread
// longer than anything else its first screen needs, and the first screen only needs this one answer.
import { siteOf } from './sites';

self.onmessage = (event: MessageEvent<string>) => self.postMessage(siteOf(event.data));
