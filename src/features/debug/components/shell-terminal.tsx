/**
 * The terminal of a shell session (xterm.js; this module is its own chunk,
 * loaded only when a shell opens). It edits one line at a time (printable
 * keys, Backspace, Ctrl+C, ↑/↓ through the history) and sends it on Enter;
 * what the engine answers is written back, then the prompt. Escape leaves
 * the terminal (`onLeave`), so the keyboard is never trapped in it.
 */
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { ShellCommandResult, ShellSession } from '@/api/shell';

export interface ShellTerminalProps {
  session: ShellSession;
  /** Sends one line; rejects with the API's error. */
  run: (command: string) => Promise<ShellCommandResult>;
  /** `exit` ended the session. */
  onExit: () => void;
  /** Escape: focus goes back to what opened the terminal. */
  onLeave: () => void;
  /** The accessible name of the terminal's input. */
  label: string;
}

const RED = '\x1b[31m';
const RESET = '\x1b[0m';

export default function ShellTerminal({
  session,
  run,
  onExit,
  onLeave,
  label,
}: ShellTerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  // The latest callbacks, read by the terminal's handlers (made once).
  const handlers = useRef({ run, onExit, onLeave });
  useEffect(() => {
    handlers.current = { run, onExit, onLeave };
  });
  useEffect(() => {
    const term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontSize: 13,
      rows: 18,
      screenReaderMode: true,
      theme: { background: '#111827', foreground: '#e5e7eb' },
    });
    term.open(host.current!);
    term.textarea?.setAttribute('aria-label', label);
    term.write(`${session.banner}\n${session.prompt}`);
    let line = '';
    let busy = false;
    const history: string[] = [];
    let back = 0;
    const replaceLine = (next: string) => {
      term.write('\b \b'.repeat(line.length) + next);
      line = next;
    };
    const submit = async () => {
      const command = line;
      line = '';
      back = 0;
      term.write('\n');
      if (command.trim() === '') {
        term.write(session.prompt);
        return;
      }
      history.push(command);
      busy = true;
      try {
        const result = await handlers.current.run(command);
        term.write(result.output);
        if (result.closed) {
          term.write('Session ended.\n');
          handlers.current.onExit();
          return;
        }
      } catch (error) {
        term.write(
          `${RED}${error instanceof Error ? error.message : String(error)}${RESET}\n`,
        );
      } finally {
        busy = false;
      }
      term.write(session.prompt);
    };
    term.attachCustomKeyEventHandler((event) => {
      if (event.key === 'Escape') {
        if (event.type === 'keydown') handlers.current.onLeave();
        return false;
      }
      return true;
    });
    const data = term.onData((text) => {
      if (busy) return;
      if (text === '\x1b[A' || text === '\x1b[B') {
        back = Math.max(
          0,
          Math.min(history.length, back + (text === '\x1b[A' ? 1 : -1)),
        );
        replaceLine(back === 0 ? '' : history[history.length - back]);
        return;
      }
      if (text.startsWith('\x1b')) return;
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') {
          void submit();
          return;
        }
        if (ch === '\x7f' || ch === '\b') {
          if (line.length > 0) {
            line = line.slice(0, -1);
            term.write('\b \b');
          }
        } else if (ch === '\x03') {
          term.write(`^C\n${session.prompt}`);
          line = '';
        } else if (ch >= ' ') {
          line += ch;
          term.write(ch);
        }
      }
    });
    term.focus();
    return () => {
      data.dispose();
      term.dispose();
    };
    // The terminal is made once per session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.id]);
  return (
    <div
      ref={host}
      className="shell-terminal"
      data-testid="terminal"
      data-handles-escape
    />
  );
}
