import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Calm, warm palettes. Shade 7 is the one Mantine uses for text and filled surfaces here, and each
// shade 7 keeps at least 4.5:1 contrast against white, the page background and its own light tint (WCAG AA).
const pine: MantineColorsTuple = ['#e9f5f3', '#d2eae6', '#a6d4cc', '#76bcb1', '#4ea89b', '#33998b', '#1f8578', '#136b61', '#0d5a52', '#074841'];
const clay: MantineColorsTuple = ['#fbefec', '#f5dcd6', '#ebb7ab', '#e0907e', '#d66f58', '#cf5a41', '#bd4a33', '#a63d2b', '#8f3323', '#77291b'];
const amber: MantineColorsTuple = ['#fdf6e7', '#f8eac9', '#f0d393', '#e8bb5a', '#e0a52c', '#d99a12', '#b57f00', '#7a4f00', '#664200', '#523500'];
const sand: MantineColorsTuple = ['#f7f4f0', '#ece6de', '#d9cec0', '#c4b4a1', '#b19d86', '#a48e75', '#857462', '#5f5a54', '#4d4944', '#3a3734'];

export const theme = createTheme({
  primaryColor: 'pine',
  primaryShade: 7,
  // Any component that defaults to red or green gets the accessible palettes too.
  colors: { pine, clay, amber, sand, red: clay, green: pine },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
});

/** The warm page behind white cards and inputs (styles.css paints it on body). */
export const pageBackground = '#fbf8f4';

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-body': '#ffffff',
    '--mantine-color-text': '#2b2a28',
    '--mantine-color-dimmed': sand[7],
    '--mantine-color-placeholder': '#6b6259',
    '--mantine-color-error': clay[7],
    '--mantine-color-anchor': pine[7],
  },
  dark: {},
});
