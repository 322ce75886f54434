// Drives one-click capture as the popup does: a page on a loopback server (under a real-looking host name), the
// toolbar popup opened through CDP (a real activeTab grant), then the scan-tab message sent from inside the popup.
import type { CDPSession, Page, Worker } from 'playwright-core';
import { extensionWorker, launchBrowser, type LaunchedBrowser } from './browser';
import { browserSession, openActionPopup, type ActionPopup } from './extension-action';
import { serveStatic, type StaticServer } from './static-server';

export const PAGE_HOST = 'login.example.com';

export interface ScanRun<T> {
  response: T;
  ms: number;
  frame?: Buffer;
  /** How long the browser took to capture that frame (the attempt that was let through Chrome's quota). */
  captureMs?: number;
}

export interface CaptureRig {
  browser: LaunchedBrowser;
  extensionId: string;
  worker: Worker;
  server: StaticServer;
  cdp: CDPSession;
  page: Page;
  /** Shows the page, opens the popup on it and runs `message` (default scan-tab) from there; ms = click to answer. */
  scan<T = unknown>(path: string, options?: { type?: 'scan-tab' | 'scan-region'; withFrame?: boolean }): Promise<ScanRun<T>>;
  /** Shows the page and opens the popup on it (granting activeTab), for tests that go on from there. */
  openOn(path: string): Promise<ActionPopup>;
  close(): Promise<void>;
}

export interface RigOptions {
  /** Playwright's emulated device scale factor (the page renders at it). */
  deviceScaleFactor?: number;
  /** Chromium's --force-device-scale-factor: the whole browser, captures included, works at this ratio. */
  screenScaleFactor?: number;
  viewport?: { width: number; height: number };
  /** How far the pages' server clock is ahead of this machine's (ms): a wrong local clock as the extension sees it. */
  serverClockOffsetMs?: () => number;
}

export async function startCaptureRig(pages: Record<string, string>, options: RigOptions = {}): Promise<CaptureRig> {
  const server = await serveStatic(pages, { clockOffsetMs: options.serverClockOffsetMs });
  const args = ['--host-resolver-rules=MAP * 127.0.0.1'];
  if (options.screenScaleFactor) args.push(`--force-device-scale-factor=${options.screenScaleFactor}`);
  const browser = await launchBrowser({ deviceScaleFactor: options.deviceScaleFactor, args });
  const { worker, extensionId } = await extensionWorker(browser.context);
  const cdp = await browserSession(browser.context);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  if (options.viewport) await page.setViewportSize(options.viewport);

  const openOn = async (path: string) => {
    await page.goto(server.url(path, PAGE_HOST));
    return openActionPopup(cdp, extensionId, page);
  };
  return {
    browser, extensionId, worker, server, cdp, page, openOn,
    async scan(path, { type = 'scan-tab', withFrame = false } = {}) {
      const popup = await openOn(path);
      try {
        const run = await popup.evaluate<{ response: never; ms: number; frame?: string; captureMs?: number }>(`(async () => {
          const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
          const start = performance.now();
          const response = await chrome.runtime.sendMessage({ type: ${JSON.stringify(type)}, tabId: tab.id, windowId: tab.windowId });
          const ms = performance.now() - start;
          let frame, captureMs;
          // The extension has just captured: Chrome allows two captures a second, so this one may wait its turn.
          for (let attempt = 0; ${withFrame} && !frame; attempt++) {
            try {
              const captureStart = performance.now();
              frame = await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
              captureMs = performance.now() - captureStart;
            } catch (error) {
              if (attempt >= 5) throw error;
              await new Promise((resolve) => setTimeout(resolve, 300));
            }
          }
          return { response, ms, frame, captureMs };
        })()`);
        const frame = run.frame ? Buffer.from(run.frame.slice(run.frame.indexOf(',') + 1), 'base64') : undefined;
        return { response: run.response, ms: run.ms, frame, captureMs: run.captureMs };
      } finally {
        await popup.close();
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
