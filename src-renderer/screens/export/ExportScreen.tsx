/** PLACEHOLDER: the export screen is being built; this file is replaced by its owner. */
export function ExportScreen(): React.JSX.Element {
  return <section className="screen" data-testid="screen-export"><h1>Export</h1></section>;
}
