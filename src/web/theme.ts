import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's default shade 6 gives white-on-blue buttons a contrast under 4.5:1; shade 8 passes
 * WCAG AA, and so does a darker "dimmed" grey for secondary text.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
});

export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolvedTheme.colors.gray[7] ?? '#495057',
    '--mantine-color-placeholder': resolvedTheme.colors.gray[7] ?? '#495057',
    // Field errors are text: the default red (shade 6) is too light on white for AA.
    '--mantine-color-error': resolvedTheme.colors.red[9] ?? '#c92a2a',
  },
  dark: {},
});
