/** @jsxImportSource hono/jsx */

/** A server-rendered chart (an SVG `data:` URL from `views/charts`) with its text alternative. */
export function ChartImage(props: { src: string; alt: string; width?: number; height?: number }) {
  return (
    <figure class="chart">
      <img
        src={props.src}
        alt={props.alt}
        width={props.width ?? 720}
        height={props.height ?? 280}
      />
    </figure>
  );
}
