"use client";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Presentation properties copied from the live chart, so CSS variables and classes survive standalone. */
const STYLE_PROPS = [
  "fill",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "opacity",
  "fill-opacity",
  "font-size",
  "font-family",
  "font-weight",
] as const;

/**
 * A standalone copy of a rendered chart's <svg>: computed colours inlined (the chart uses CSS variables
 * that mean nothing outside the page), the panel's background painted behind it, and a title.
 */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll("*")];
  const target = [clone, ...clone.querySelectorAll("*")];
  source.forEach((element, i) => {
    const copy = target[i];
    if (!(copy instanceof SVGElement)) return;
    const computed = getComputedStyle(element);
    for (const prop of STYLE_PROPS) {
      const value = computed.getPropertyValue(prop);
      if (value) copy.style.setProperty(prop, value);
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(Math.round(width)));
  clone.setAttribute("height", String(Math.round(height)));
  if (!clone.getAttribute("viewBox"))
    clone.setAttribute("viewBox", `0 0 ${Math.round(width)} ${Math.round(height)}`);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute(
    "fill",
    getComputedStyle(svg.closest(".panel") ?? document.body).backgroundColor || "#fff",
  );
  clone.insertBefore(background, clone.firstChild);
  const titleElement = document.createElementNS(SVG_NS, "title");
  titleElement.textContent = title;
  clone.insertBefore(titleElement, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: SVGSVGElement, title: string, filename: string): void {
  saveBlob(new Blob([standaloneSvg(svg, title)], { type: "image/svg+xml;charset=utf-8" }), `${filename}.svg`);
}

/** Draws the standalone SVG on a canvas at twice the size (sharp on high-density screens) and saves a PNG. */
export async function downloadPng(svg: SVGSVGElement, title: string, filename: string): Promise<void> {
  const text = standaloneSvg(svg, title);
  const { width, height } = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the chart could not be drawn as an image"));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the chart could not be encoded as PNG");
    saveBlob(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file-name-safe slug of a chart title. */
export function chartFilename(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "chart"
  );
}
