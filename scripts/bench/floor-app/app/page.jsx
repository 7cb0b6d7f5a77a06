import { connection } from 'next/server';

// 25 rows made once: the table is data the page is given, not work it does.
const rows = Array.from({ length: 25 }, (_, i) => ({
  receipt: `IOE09${String(12345600 + i)}`,
  form: i % 2 ? 'I-485' : 'N-400',
  status: i % 3 ? 'Case Was Received' : 'Interview Was Scheduled',
  date: `2026-0${1 + (i % 9)}-1${i % 10}`,
}));

/** Rendered per request (connection()), like every signed-in page of the portal. */
export default async function FloorPage() {
  await connection();
  return (
    <main>
      <h1>Cases</h1>
      <table>
        <caption>Your cases</caption>
        <thead>
          <tr>
            <th scope="col">Receipt number</th>
            <th scope="col">Form</th>
            <th scope="col">Status</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.receipt}>
              <th scope="row">
                <a href={`/cases/${row.receipt}`}>{row.receipt}</a>
              </th>
              <td>{row.form}</td>
              <td>{row.status}</td>
              <td>{row.date}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
