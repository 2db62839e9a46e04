/** Number formats in the viewer's locale (undefined = the runtime's default locale). */
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });
const signedPercent = new Intl.NumberFormat(undefined, {
  style: "percent",
  maximumFractionDigits: 0,
  signDisplay: "exceptZero",
});
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const signedDecimal = new Intl.NumberFormat(undefined, {
  maximumFractionDigits: 2,
  signDisplay: "exceptZero",
});

export const formatInteger = (n: number) => integer.format(n);
export const formatPercent = (share: number) => percent.format(share);
export const formatSignedPercent = (share: number) => signedPercent.format(share);
export const formatDecimal = (n: number) => decimal.format(n);
export const formatSignedDecimal = (n: number) => signedDecimal.format(n);
/** A change in percentage points, e.g. "+5 pts". */
export const formatPoints = (fraction: number) =>
  `${signedDecimal.format(Math.round(fraction * 1000) / 10)} pts`;
