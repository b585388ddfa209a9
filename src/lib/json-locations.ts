/**
 * Where each value of a JSON document is written: a map from JSON pointer to
 * its text range (the property name when the value belongs to a property),
 * so that problems found by pointer can be pinned to lines in an editor.
 */

/** A range in the text; lines and columns start at 1 (Monaco's convention). */
export interface TextRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface Span {
  start: number;
  end: number;
}

/** Locates JSON pointers in `text`; returns null when the text is not valid JSON. */
export function locateJson(
  text: string,
): ((pointer: string) => TextRange) | null {
  const spans = new Map<string, Span>();
  try {
    JSON.parse(text);
    new Scanner(text, spans).document();
  } catch {
    return null;
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1)
    if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
  return (pointer) => {
    let current = pointer;
    // A pointer to something that is not written (e.g. a missing property) falls back to its nearest ancestor.
    while (!spans.has(current) && current !== '')
      current = current.slice(0, current.lastIndexOf('/'));
    const span = spans.get(current) ?? { start: 0, end: 0 };
    const start = position(span.start);
    const end = position(span.end);
    return {
      startLine: start.line,
      startColumn: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  };
}

const escape = (segment: string) =>
  segment.replace(/~/g, '~0').replace(/\//g, '~1');

class Scanner {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly spans: Map<string, Span>,
  ) {}

  document() {
    this.value('', undefined);
  }

  private ws() {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]))
      this.i += 1;
  }

  private value(pointer: string, key: Span | undefined) {
    this.ws();
    const start = this.i;
    const c = this.text[this.i];
    if (c === '{') this.object(pointer);
    else if (c === '[') this.array(pointer);
    else if (c === '"') this.string();
    else this.literal();
    // A property's problem is shown on its name: the most visible place in the editor.
    this.spans.set(pointer, key ?? { start, end: this.i });
  }

  private object(pointer: string) {
    this.i += 1;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.ws();
      const keyStart = this.i;
      const name = JSON.parse(
        this.text.slice(keyStart, this.string()),
      ) as string;
      const key = { start: keyStart, end: this.i };
      this.ws();
      this.i += 1; // ':'
      this.value(`${pointer}/${escape(name)}`, key);
      this.ws();
      if (this.text[this.i++] === '}') return;
    }
  }

  private array(pointer: string) {
    this.i += 1;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      this.value(`${pointer}/${index}`, undefined);
      this.ws();
      if (this.text[this.i++] === ']') return;
    }
  }

  /** Skips a string; returns the offset after its closing quote. */
  private string(): number {
    this.i += 1;
    while (this.text[this.i] !== '"')
      this.i += this.text[this.i] === '\\' ? 2 : 1;
    this.i += 1;
    return this.i;
  }

  private literal() {
    while (
      this.i < this.text.length &&
      !',}] \t\n\r'.includes(this.text[this.i])
    )
      this.i += 1;
  }
}
