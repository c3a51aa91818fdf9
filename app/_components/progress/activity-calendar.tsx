'use client';
// A grid of the last weeks' days (Sunday on top), shaded by how much the learner did; each day has a
// label for screen readers and a tooltip. Days are the learner's own calendar days.
import { calendarWeeks, type Day } from '@/lib/progress/activity';
import { T } from '../ui/t';

const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];

function level(count: number): number {
  if (count <= 0) return 0;
  if (count === 1) return 1;
  if (count <= 3) return 2;
  if (count <= 6) return 3;
  return 4;
}

export function ActivityCalendar({ today, counts, weeks = 20 }: { today: Day; counts: Map<Day, number>; weeks?: number }) {
  const grid = calendarWeeks(today, weeks);
  return (
    <div className="calendar-wrap">
      <table className="calendar" data-testid="activity-calendar">
        <caption className="visually-hidden">
          <T en={`Activity per day, the last ${weeks} weeks`} zh={`最近 ${weeks} 周每天的学习次数`} />
        </caption>
        <tbody>
          {WEEKDAYS_EN.map((name, row) => (
            <tr key={name}>
              <th scope="row" className="calendar-weekday">
                {row % 2 === 1 ? <T en={name} zh={WEEKDAYS_ZH[row]} /> : <span className="visually-hidden">{name}</span>}
              </th>
              {grid.map((week, col) => {
                const day = week[row];
                if (!day) return <td key={col} className="calendar-day calendar-future" />;
                const count = counts.get(day) ?? 0;
                return (
                  <td key={col} className={`calendar-day cal-${level(count)}`} title={`${day}: ${count}`} data-day={day} data-count={count}>
                    <span className="visually-hidden">
                      <T en={`${day}: ${count} ${count === 1 ? 'activity' : 'activities'}`} zh={`${day}：${count} 次`} />
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="calendar-legend muted" aria-hidden="true">
        <T en="Less" zh="少" />
        {[0, 1, 2, 3, 4].map((l) => (
          <span key={l} className={`calendar-swatch cal-${l}`} />
        ))}
        <T en="More" zh="多" />
      </p>
    </div>
  );
}
