/**
 * A request flow as an inline SVG: boxes left to right, a labelled arrow between each pair. No
 * network, scales to any width, and carries a title and description for screen readers.
 */
export interface Flow {
  title: string;
  desc: string;
  /** Each box: up to two short lines. */
  nodes: string[][];
  /** Label of the arrow from node i to node i + 1 (up to two short lines). */
  edges: string[][];
}

const BOX_W = 150;
const GAP = 110;
const BOX_H = 64;
const TOP = 34;

export function FlowDiagram({ id, flow }: { id: string; flow: Flow }) {
  const n = flow.nodes.length;
  const width = n * BOX_W + (n - 1) * GAP + 20;
  const height = TOP + BOX_H + 20;
  const x = (i: number) => 10 + i * (BOX_W + GAP);
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full max-w-4xl text-slate-800 dark:text-slate-100"
    >
      <title id={`${id}-t`}>{flow.title}</title>
      <desc id={`${id}-d`}>{flow.desc}</desc>
      <defs>
        <marker
          id={`${id}-arrow`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
        </marker>
      </defs>
      {flow.nodes.map((lines, i) => (
        <g key={lines.join(" ")}>
          <rect
            x={x(i)}
            y={TOP}
            width={BOX_W}
            height={BOX_H}
            rx="10"
            className="fill-blue-50 stroke-blue-700 dark:fill-slate-800 dark:stroke-blue-400"
            strokeWidth="2"
          />
          {lines.map((line, j) => (
            <text
              key={line}
              x={x(i) + BOX_W / 2}
              y={TOP + BOX_H / 2 + (j - (lines.length - 1) / 2) * 18 + 5}
              textAnchor="middle"
              fontSize="15"
              fontWeight={j === 0 ? 600 : 400}
              fill="currentColor"
            >
              {line}
            </text>
          ))}
        </g>
      ))}
      {flow.edges.map((lines, i) => (
        <g key={lines.join(" ")}>
          <line
            x1={x(i) + BOX_W + 4}
            y1={TOP + BOX_H / 2}
            x2={x(i + 1) - 6}
            y2={TOP + BOX_H / 2}
            stroke="currentColor"
            strokeWidth="2"
            markerEnd={`url(#${id}-arrow)`}
          />
          {lines.map((line, j) => (
            <text
              key={line}
              x={x(i) + BOX_W + GAP / 2}
              y={TOP - 18 + j * 14}
              textAnchor="middle"
              fontSize="12"
              fill="currentColor"
            >
              {line}
            </text>
          ))}
        </g>
      ))}
    </svg>
  );
}
