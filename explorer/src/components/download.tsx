import { csvOfRows, type CsvValue } from '../../../src/modules/export/csv';

/**
 * A button that saves a table as CSV, written by the same writer as the API's exports (RFC 4180,
 * CRLF, UTF-8), from exactly the rows the page shows.
 */
export function DownloadCsv({
  filename,
  header,
  rows,
  label,
}: {
  filename: string;
  header: string[];
  rows: CsvValue[][];
  label: string;
}) {
  const save = () => {
    const blob = new Blob([csvOfRows(header, rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    // The download has taken the blob by the time the click returns; free it afterwards.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" className="download" onClick={save}>
      {label}
    </button>
  );
}
