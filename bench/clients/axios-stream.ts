import axios from 'axios';
import type { Readable } from 'node:stream';
import type { BodyClient } from './chat-client.js';

/**
 * axios with `responseType: 'stream'`, counting the bytes: what ours is built on.
 *
 * @param root - the server root (`{root}/api/chat`).
 * @returns the client.
 */
export function axiosBodyClient(root: string): BodyClient {
  const url = `${root}/api/chat`;
  return {
    read: async () => {
      const response = await axios.post<Readable>(url, {}, { responseType: 'stream' });
      let length = 0;
      response.data.on('data', (chunk: Buffer) => (length += chunk.length));
      await new Promise((resolve, reject) => {
        response.data.once('end', resolve);
        response.data.once('error', reject);
      });
      return length;
    },
  };
}
