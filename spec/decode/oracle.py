"""The reference of SPEC §3 (decodeText's contract), built on Python's own codecs.

It is the oracle of spec/decode: it does not re-implement a codec. UTF-8 is Python's incremental
UTF-8 decoder, unicode-escape is `codecs.decode(..., 'unicode-escape', errors)`, and where a
trailing escape starts is what CPython's incremental unicode-escape decoder holds back
(`codecs.unicode_escape_decode(data, errors, False)`), plus the contract's one extension: a `\\`
with one or two octal digits at the end is held back too.

Protocol: one JSON object per input line, one JSON line out per input line, in order.
- {"chunks": ["<hex>", ...], "errors": "strict" | "replace"}
  -> {"emissions": ["text", ...], "error": null | {"reason": str, "offset": int}}
- {"names": true} -> {"names": [[code_point, "NAME"], ...]}: every name unicodedata knows.
- {"lookup": ["NAME", ...]} -> {"code_points": [int | null, ...]}: what `\\N{NAME}` decodes to.
"""

import codecs
import json
import sys
import unicodedata
import warnings

warnings.simplefilter("ignore")  # "invalid escape sequence" DeprecationWarnings


def utf8_step(buf):
    """Step 1: (text, tail) if buf is UTF-8 up to an incomplete tail, else None."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        text = decoder.decode(buf, False)
    except UnicodeDecodeError:
        return None
    tail = decoder.getstate()[0]
    # CPython holds back ED A0..BF (a surrogate's first bytes) as incomplete; TextDecoder, which
    # the contract follows (WHATWG Encoding), rejects them at once.
    if len(tail) >= 2 and tail[0] == 0xED and tail[1] >= 0xA0:
        return None
    return text, tail


def escape_tail_start(buf):
    """Where the trailing escape that more bytes could complete starts (len(buf) if none)."""
    consumed = codecs.unicode_escape_decode(buf, "replace", False)[1]
    if consumed < len(buf):
        return consumed
    for digits in (2, 1):
        start = len(buf) - 1 - digits
        if start >= 0 and buf[start] == 0x5C and all(0x30 <= b <= 0x37 for b in buf[start + 1 :]):
            # the backslash starts an escape iff CPython holds it back as a lone "\" at the end
            if codecs.unicode_escape_decode(buf[: start + 1], "replace", False)[1] == start:
                return start
    return len(buf)


def unicode_escape(data, errors):
    """(text, fault): fault is (reason, index) of a malformed escape in strict mode."""
    try:
        return codecs.decode(data, "unicode-escape", errors), None
    except UnicodeDecodeError as error:
        return codecs.decode(data[: error.start], "unicode-escape"), (error.reason, error.start)


def decode_stream(chunks, errors):
    emissions = []
    pending, mode, offset = b"", "utf8", 0  # offset: the stream offset of pending[0]

    def emit(text):
        if text:
            emissions.append(text)

    for chunk in chunks:
        buf = pending + chunk
        if mode == "utf8":
            step = utf8_step(buf)
            if step is not None:
                text, pending = step
                emit(text)
                offset += len(buf) - len(pending)
                continue
        end = escape_tail_start(buf)
        text, fault = unicode_escape(buf[:end], errors)
        emit(text)
        if fault:
            return emissions, {"reason": fault[0], "offset": offset + fault[1]}
        offset += end
        pending = buf[end:]
        mode = "escape" if pending else "utf8"

    if pending:
        if mode == "utf8":
            try:
                emit(pending.decode("utf-8"))
                return emissions, None
            except UnicodeDecodeError:
                pass
        text, fault = unicode_escape(pending, errors)
        emit(text)
        if fault:
            return emissions, {"reason": fault[0], "offset": offset + fault[1]}
    return emissions, None


def lookup(name):
    try:
        text = codecs.decode(b"\\N{" + name.encode("latin-1") + b"}", "unicode-escape")
    except UnicodeDecodeError:
        return None
    return ord(text) if len(text) == 1 else None


def known_names():
    names = []
    for code_point in range(0x110000):
        name = unicodedata.name(chr(code_point), None)
        if name is not None:
            names.append([code_point, name])
    return names


def answer(request):
    if "names" in request:
        return {"names": known_names()}
    if "lookup" in request:
        return {"code_points": [lookup(name) for name in request["lookup"]]}
    chunks = [bytes.fromhex(chunk) for chunk in request["chunks"]]
    emissions, error = decode_stream(chunks, request["errors"])
    return {"emissions": emissions, "error": error}


for line in sys.stdin:
    sys.stdout.write(json.dumps(answer(json.loads(line))) + "\n")
    sys.stdout.flush()
