import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getApiToken, setApiToken } from '@/api/client';
import { SignInGate } from './sign-in';

describe('SignInGate', () => {
  it('asks for a token against a real API, then shows the console', async () => {
    setApiToken(undefined);
    sessionStorage.clear();
    render(
      <SignInGate required>
        <p>console</p>
      </SignInGate>,
    );
    expect(screen.queryByText('console')).not.toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByLabelText('API token'), 'tok-123');
    await userEvent.click(button);
    expect(screen.getByText('console')).toBeInTheDocument();
    expect(getApiToken()).toBe('tok-123');
    expect(sessionStorage.getItem('console:api-token')).toBe('tok-123');
    expect(window.location.href).not.toContain('tok-123');
  });

  it('does not ask on the embedded engine', () => {
    setApiToken(undefined);
    render(
      <SignInGate required={false}>
        <p>console</p>
      </SignInGate>,
    );
    expect(screen.getByText('console')).toBeInTheDocument();
  });
});
