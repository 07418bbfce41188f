import type { DocumentSummary } from '../../../shared/domain';

export function DocumentList({ docs }: { docs: DocumentSummary[] }) {
  if (docs.length === 0) return <p className="empty">Inga dokument ännu. Skapa ett med ”Nytt dokument”.</p>;
  return (
    <table className="doclist" aria-label="Dokument">
      <thead>
        <tr>
          <th>Mötesdatum</th>
          <th>Titel</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d) => (
          <tr key={d.id} data-id={d.id}>
            <td>{d.meetingDate ?? '–'}</td>
            <td>{d.title}</td>
            <td>{d.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
