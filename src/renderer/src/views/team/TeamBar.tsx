import { useT } from '../../i18n/i18n';
import type { TeamBinding } from '../TeamGate';

/** Who else is here and whether what is written reaches the server. */
export function TeamBar({ team }: { team: TeamBinding }) {
  const t = useT();
  const connection = team.session.connection;
  const people = team.session.people();
  return (
    <div className="team-bar" aria-label={t('documents.team.bar')}>
      <span className={`connection connection-${connection}`} role="status" data-testid="connection">
        {t(`documents.team.connection.${connection}`)}
      </span>
      <span className="people" aria-label={t('documents.team.here')}>
        <span className="person" style={{ borderColor: team.session.colour() }}>
          {t('documents.team.you', { name: team.session.account.user.name })}
        </span>
        {people.map((p, i) => (
          <span
            key={`${p.name}-${i}`}
            className="person"
            style={{ borderColor: p.colour }}
            title={p.section ? t('documents.team.writingIn', { section: p.section }) : undefined}
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
