/** Share & export: download Postman / OpenAPI files, open /api_docs, and the server panel (URLs, LAN sharing, demo token). */
import { useStudio } from '../../state/studio-store.ts';
import { Spinner } from '../../components/Spinner.tsx';
import { ExportDownloads } from './ExportDownloads.tsx';
import { ServerPanel } from './ServerPanel.tsx';
import './export.css';

export function ExportScreen(): React.JSX.Element {
  const server = useStudio((s) => s.server);
  return (
    <section className="screen stack export-screen" data-testid="screen-export">
      <h1>Share &amp; export</h1>
      <div className="export-columns">
        <ExportDownloads docsUrl={server?.docsUrl ?? null} />
        {server === null ? <Spinner label="Reading the server's addresses…" /> : <ServerPanel server={server} />}
      </div>
    </section>
  );
}
