/** An array still being parsed: its items so far and what may come next. */
export interface OpenArray {
  readonly kind: 'array';
  readonly items: unknown[];
  /** `first`: after `[`; `value`: after `,`; `after`: after an item. */
  state: 'first' | 'value' | 'after';
}

/** An object still being parsed: its members so far, the key read, and what may come next. */
export interface OpenObject {
  readonly kind: 'object';
  readonly members: Record<string, unknown>;
  /** The key whose value comes next. */
  key: string | undefined;
  /** `first`: after `{`; `key`: after `,`; `colon`: after a key; `value`: after `:`; `after`: after a value. */
  state: 'first' | 'key' | 'colon' | 'value' | 'after';
}

/** A container whose closing bracket has not come yet. */
export type OpenContainer = OpenArray | OpenObject;

/**
 * Sets a member as `JSON.parse` does: an own, enumerable property, even for `__proto__`.
 *
 * @param members - the object.
 * @param key - the member's name.
 * @param value - its value.
 * @internal
 */
export function setMember(members: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(members, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * A copy of the open containers, innermost first, with `partial` (the value being streamed, if
 * it has one yet) put where it goes. Closed containers are never changed again, so they are
 * shared, not copied: the cost is the width of the open containers, not the document's size.
 *
 * @param stack - the open containers, outermost first.
 * @param partial - the innermost value in progress, as `{ value }`, or `undefined` for none.
 * @returns the copy of the outermost container.
 * @internal
 */
export function snapshotOf(
  stack: readonly OpenContainer[],
  partial: { readonly value: unknown } | undefined,
): unknown {
  let inner = partial;
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const open = stack[depth] as OpenContainer;
    if (open.kind === 'array') {
      // The open child, if any, is the last item: replaced by its copy.
      const items =
        inner !== undefined && depth < stack.length - 1 ? open.items.slice(0, -1) : [...open.items];
      if (inner !== undefined) items.push(inner.value);
      inner = { value: items };
    } else {
      const members: Record<string, unknown> = { ...open.members };
      if (inner !== undefined && open.key !== undefined) setMember(members, open.key, inner.value);
      inner = { value: members };
    }
  }
  return inner?.value;
}
