// A reverse proxy in front of the newsroom answers for it when the server is down (502/503/504)
// or a request is over its body limit (413), in HTML, not as Copydesk: the app says offline and
// too large, not "malformed data".
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { NewsroomClient } from './NewsroomClient';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function proxyAnswering(status: number): Promise<string> {
  server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'text/html' }).end(`<html><body><h1>${status}</h1>nginx</body></html>`));
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as { port: number }).port}`)));
}

describe('answers from a proxy in front of the newsroom', () => {
  it.each([502, 503, 504])('%i: the server is not answering (offline)', async (status) => {
    const url = await proxyAnswering(status);
    await expect(NewsroomClient.signIn(url, 'kim', 'pw')).rejects.toMatchObject({ code: 'offline', params: { server: url } });
  });

  it('413: too large for the proxy', async () => {
    const url = await proxyAnswering(413);
    await expect(NewsroomClient.signIn(url, 'kim', 'pw')).rejects.toMatchObject({ code: 'tooLarge', params: { server: url } });
  });

  it('anything else not from Copydesk is malformed', async () => {
    const url = await proxyAnswering(418);
    await expect(NewsroomClient.signIn(url, 'kim', 'pw')).rejects.toMatchObject({ code: 'malformedData' });
  });
});
