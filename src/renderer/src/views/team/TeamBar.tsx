import type { TeamBinding } from '../TeamGate';

const LABELS = { online: 'Ansluten', syncing: 'Synkar…', offline: 'Offline – ändringarna sparas lokalt' } as const;

/** Who else is here and whether what is written reaches the server. */
export function TeamBar({ team }: { team: TeamBinding }) {
  const connection = team.session.connection;
  const people = team.session.people();
  return (
    <div className="team-bar" aria-label="Teamet">
      <span className={`connection connection-${connection}`} role="status" data-testid="connection">
        {LABELS[connection]}
      </span>
      <span className="people" aria-label="Här just nu">
        <span className="person" style={{ borderColor: team.session.colour() }}>
          {team.session.account.user.name} (du)
        </span>
        {people.map((p, i) => (
          <span
            key={`${p.name}-${i}`}
            className="person"
            style={{ borderColor: p.colour }}
            title={p.section ? `Skriver i ${p.section}` : undefined}
          >
            {p.name}
          </span>
        ))}
      </span>
      {team.error && (
        <span role="alert" className="error-inline">
          {team.error}
        </span>
      )}
    </div>
  );
}
