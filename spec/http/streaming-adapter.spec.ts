import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { streamingAdapter } from '../../lib/http/streaming-adapter.js';

describe('streamingAdapter', () => {
  it("asks for http, then fetch, instead of axios's default list (XHR first)", () => {
    expect(streamingAdapter(axios.defaults.adapter)).toEqual(['http', 'fetch']);
    expect(streamingAdapter(axios.create().defaults.adapter)).toEqual(['http', 'fetch']);
  });

  it('keeps an adapter the user chose', () => {
    expect(streamingAdapter(axios.create({ adapter: 'fetch' }).defaults.adapter)).toBeUndefined();
    expect(streamingAdapter(['xhr'])).toBeUndefined();
    expect(streamingAdapter(() => Promise.reject(new Error('custom')))).toBeUndefined();
  });
});
