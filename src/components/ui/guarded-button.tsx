import * as Tooltip from '@radix-ui/react-tooltip';
import { useId, type ButtonHTMLAttributes, type MouseEvent } from 'react';
import type { CanResult } from '@/hooks/use-can';

interface GuardedButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The permission (useCan); when refused the button is disabled with a tooltip naming the role needed. */
  can: CanResult;
}

/**
 * A button for an action the user may not be allowed to take. Refused, it
 * stays focusable (aria-disabled, so the tooltip opens by keyboard too), does
 * nothing when pressed, and its description is the role needed.
 */
export function GuardedButton({
  can,
  children,
  onClick,
  type = 'button',
  ...rest
}: GuardedButtonProps) {
  const reasonId = useId();
  if (can.allowed) {
    return (
      <button type={type} onClick={onClick} {...rest}>
        {children}
      </button>
    );
  }
  const refuse = (event: MouseEvent<HTMLButtonElement>) =>
    event.preventDefault();
  return (
    <Tooltip.Provider delayDuration={200}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <button
            {...rest}
            type="button"
            disabled={false}
            aria-disabled="true"
            aria-describedby={reasonId}
            onClick={refuse}
          >
            {children}
          </button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="tooltip" sideOffset={6}>
            {can.reason}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      <span id={reasonId} hidden>
        {can.reason}
      </span>
    </Tooltip.Provider>
  );
}
