/**
 * The event-stream interpretation rules of the WHATWG HTML standard (§9.2.6, "Interpreting an
 * event stream"), push-based: feed decoded text, get the events it completes. Kept separate from
 * the async iterator so the reconnecting wrapper can carry `lastEventId` and `retry` across
 * connections.
 */
import { LineSplitter, MAX_STREAM_LINE_LENGTH } from './lines.js';

/** One dispatched event (the spec's MessageEvent, minus the DOM). */
export interface SseEvent<T = string> {
  /** The `event:` field, or "message" when the event had none. */
  readonly event: string;
  /** `data:` lines joined with "\n" (parsed JSON with `parseJson`). */
  readonly data: T;
  /** The last event ID at dispatch (the spec's lastEventId; it persists across events); undefined when none. */
  readonly id: string | undefined;
  /** The reconnection time the server last set with `retry:`, in ms; undefined when it never did. */
  readonly retry: number | undefined;
}

const ASCII_DIGITS = /^[0-9]+$/;

export interface SseDecoderState {
  readonly lastEventId?: string | undefined;
  readonly retry?: number | undefined;
  readonly maxEventLength?: number;
}

export class SseDecoder {
  readonly #lines: LineSplitter;
  readonly #maxEventLength: number;
  /** The spec's "last event ID buffer" (and, after a dispatch, the source's last event ID string). */
  lastEventId: string;
  /** The spec's reconnection time, when the server set one. */
  retry: number | undefined;
  #data = '';
  #eventType = '';

  constructor(state: SseDecoderState = {}) {
    this.#maxEventLength = state.maxEventLength ?? MAX_STREAM_LINE_LENGTH;
    this.#lines = new LineSplitter({ bareCarriageReturn: true, maxLineLength: this.#maxEventLength });
    this.lastEventId = state.lastEventId ?? '';
    this.retry = state.retry;
  }

  /** Events completed by `text`. Throws LineTooLongError when a line or an event's data outgrows the limit. */
  push(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    for (const line of this.#lines.push(text)) {
      const event = this.#line(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  /** The stream ended: an event without its terminating blank line is discarded (the spec says so). */
  end(): void {
    this.#lines.flush();
    this.#data = '';
    this.#eventType = '';
  }

  #line(line: string): SseEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.charCodeAt(0) === 0x3a /* ':' comment, e.g. a keep-alive */) return undefined;
    const colon = line.indexOf(':');
    let field = line;
    let value = '';
    if (colon >= 0) {
      field = line.slice(0, colon);
      value = line.charCodeAt(colon + 1) === 0x20 ? line.slice(colon + 2) : line.slice(colon + 1);
    }
    switch (field) {
      case 'event':
        this.#eventType = value;
        break;
      case 'data':
        if (this.#data.length + value.length + 1 > this.#maxEventLength) throw new EventTooLongError();
        this.#data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (ASCII_DIGITS.test(value)) this.retry = Number.parseInt(value, 10);
        break;
      default:
        // Unknown fields are ignored.
        break;
    }
    return undefined;
  }

  #dispatch(): SseEvent | undefined {
    // The last event ID is kept either way (an id-only block still moves the resume point).
    if (this.#data === '') {
      this.#eventType = '';
      return undefined;
    }
    const event: SseEvent = {
      event: this.#eventType === '' ? 'message' : this.#eventType,
      data: this.#data.slice(0, -1),
      id: this.lastEventId === '' ? undefined : this.lastEventId,
      retry: this.retry,
    };
    this.#data = '';
    this.#eventType = '';
    return event;
  }
}

export class EventTooLongError extends Error {}
