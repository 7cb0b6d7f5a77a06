import { epochDay } from '@/lib/calendar/iso-date';

export interface TimelinePoint {
  /** YYYY-MM-DD */
  on: string;
  label: string;
  /** The date as the page writes it. */
  dateText: string;
}

export interface TimelineProps {
  title: string;
  description: string;
  start: string;
  points: TimelinePoint[];
  today: TimelinePoint;
  band: { from: string; to: string; label: string } | null;
}

const WIDTH = 720;
const LEFT = 24;
const RIGHT = 24;
const AXIS_Y = 78;

/**
 * The case's timeline drawn on the server as plain SVG (no chart library, nothing to run in the
 * browser): reached milestones as filled dots, today as a dashed line, the estimate as a band. Four
 * rows of words: the band's name on top, milestones alternately above and below the line (so
 * neighbours do not collide), "Today" at the bottom. The picture repeats what the
 * list beside it says; its title and description carry the same words for screen readers.
 */
export function ProgressTimeline({ title, description, start, points, today, band }: TimelineProps) {
  const first = epochDay(start);
  const last = Math.max(epochDay(today.on), band ? epochDay(band.to) : 0, ...points.map((p) => epochDay(p.on)));
  const span = Math.max(1, last - first);
  const x = (on: string) => LEFT + ((epochDay(on) - first) / span) * (WIDTH - LEFT - RIGHT);
  const anchor = (at: number) => (at < WIDTH * 0.15 ? 'start' : at > WIDTH * 0.85 ? 'end' : 'middle');
  const todayX = x(today.on);

  return (
    <figure className="progress-timeline my-6 max-w-[48rem]">
      <svg viewBox={`0 0 ${WIDTH} 160`} role="img" aria-labelledby="timeline-title timeline-description" className="h-auto w-full" focusable="false">
        <title id="timeline-title">{title}</title>
        <desc id="timeline-description">{description}</desc>
        {band ? (
          <g>
            <rect x={x(band.from)} y={AXIS_Y - 14} width={Math.max(4, x(band.to) - x(band.from))} height={28} fill="#73b3e7" stroke="#005ea2" strokeWidth={1.5} />
            <text x={(x(band.from) + x(band.to)) / 2} y={18} textAnchor={anchor((x(band.from) + x(band.to)) / 2)} fontSize={14} fill="#1b1b1b">
              {band.label}
            </text>
          </g>
        ) : null}
        <line x1={LEFT} y1={AXIS_Y} x2={WIDTH - RIGHT} y2={AXIS_Y} stroke="#565c65" strokeWidth={3} />
        <line x1={todayX} y1={26} x2={todayX} y2={136} stroke="#1b1b1b" strokeWidth={2} strokeDasharray="5 4" />
        <text x={todayX} y={154} textAnchor={anchor(todayX)} fontSize={14} fontWeight="bold" fill="#1b1b1b">
          {today.label}
        </text>
        {points.map((point, i) => {
          const at = x(point.on);
          const above = i % 2 === 0;
          return (
            <g key={point.label}>
              <circle cx={at} cy={AXIS_Y} r={9} fill="#00a91c" stroke="#1b1b1b" strokeWidth={2} />
              <path d={`M ${at - 4} ${AXIS_Y} l 3 3 l 5 -6`} stroke="#fff" strokeWidth={2} fill="none" />
              <text x={at} y={above ? AXIS_Y - 38 : AXIS_Y + 30} textAnchor={anchor(at)} fontSize={14} fill="#1b1b1b">
                <tspan x={at} fontWeight="bold">
                  {point.label}
                </tspan>
                <tspan x={at} dy={17}>
                  {point.dateText}
                </tspan>
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
