import * as Y from 'yjs';

/**
 * The largest websocket message the server reads (ws closes the socket with 1009 beyond it). A
 * section of minutes is text: even a hundred pages are well under a megabyte of Yjs state.
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** Close code for a message that is not what the Yjs sync protocol says (RFC 6455: invalid payload data). */
export const MALFORMED_CLOSE_CODE = 1007;

// Hocuspocus message types and the y-protocols sync steps that carry document content.
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  /** lib0's varUint: 7 bits a byte, little end first; beyond 53 bits it is not a length we take. */
  varUint(): number {
    let n = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      const b = this.bytes[this.pos++];
      if (b === undefined) throw new Error('the message ends in the middle of a number');
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
    throw new Error('a number in the message is too long');
  }

  bytesOf(length: number): Uint8Array {
    if (this.pos + length > this.bytes.length) throw new Error('the message is shorter than it says');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  varBytes(): Uint8Array {
    return this.bytesOf(this.varUint());
  }

  varString(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.varBytes());
  }
}

/**
 * Why a message from a client must not reach the document, or null when it may. Every sync step
 * that carries Yjs data is decoded in full first: Yjs applies an update struct by struct, so a
 * broken one can fail half-way through a transaction, and the half it applied would be stored.
 */
export function messageProblem(message: Uint8Array, maxUpdateBytes = MAX_MESSAGE_BYTES): string | null {
  try {
    const r = new Reader(message);
    r.varString(); // the document name; Hocuspocus has already routed the message by it
    const type = r.varUint();
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const step = r.varUint();
    const payload = r.varBytes();
    if (payload.length > maxUpdateBytes) return `the update is larger than ${maxUpdateBytes} bytes`;
    if (step === SYNC_STEP_1) Y.decodeStateVector(payload);
    else if (step === SYNC_STEP_2 || step === SYNC_UPDATE) Y.decodeUpdate(payload);
    else return `unknown sync step ${step}`;
    return null;
  } catch (e) {
    return `malformed Yjs message: ${e instanceof Error ? e.message : String(e)}`;
  }
}
