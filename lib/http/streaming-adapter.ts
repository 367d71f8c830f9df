/** The adapters axios tries when nobody chose: XHR first, which cannot stream a body. */
const AXIOS_DEFAULT = ['xhr', 'http', 'fetch'];

/** Adapters that stream: Node's `http` where it exists, else (in browsers) `fetch`. */
const STREAMING: readonly string[] = ['http', 'fetch'];

/**
 * The adapter list a request asks axios for, so that a body can be read as it arrives: axios
 * tries XHR first by default, which in a browser buffers the whole body (WHATWG XMLHttpRequest
 * gives no stream), so when the instance still has axios's default list the request asks for
 * `['http', 'fetch']` instead — Node's `http` in Node, `fetch` in browsers and workers. An
 * adapter the user chose (`axios.create({ adapter })`) is left as it is.
 *
 * @param configured - the instance's `defaults.adapter`.
 * @returns the adapters to ask for, or `undefined` to keep the instance's.
 * @internal
 */
export function streamingAdapter(configured: unknown): readonly string[] | undefined {
  const isDefault =
    Array.isArray(configured) &&
    configured.length === AXIOS_DEFAULT.length &&
    configured.every((name, index) => name === AXIOS_DEFAULT[index]);
  return isDefault || configured === undefined ? STREAMING : undefined;
}
