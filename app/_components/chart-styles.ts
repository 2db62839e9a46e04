/** Shared chart styling: colours come from the CSS variables so charts follow the light and dark themes. */
export const TOOLTIP_STYLE = {
  background: "var(--panel)",
  border: "1px solid var(--border)",
  color: "var(--text)",
  borderRadius: 6,
} as const;
