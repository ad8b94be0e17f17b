/** Listening: the app on a port of a host, until closed. */
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { packageRoot } from '../resources/paths.js';
import { createApp, type AppOptions } from './app.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The built web interface, web/dist of the package, when it has been built. */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'web', 'dist');
}

export const webBuilt = (root = defaultWebRoot()) => existsSync(join(root, 'index.html'));

/** Start listening; port 0 picks a free port. Resolves once the port is bound. */
export function startServer(opts: AppOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(opts);
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (err: Error) => reject(err);
    server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      server.off('error', onError);
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : shownHost;
      resolve({
        url: `http://${host}:${info.port}/`,
        port: info.port,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          // keep-alive connections would hold close() open
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once('error', onError);
  });
}
