/** PLACEHOLDER: the logs screen is being built; this file is replaced by its owner. */
export function LogsScreen(): React.JSX.Element {
  return <section className="screen" data-testid="screen-logs"><h1>Logs</h1></section>;
}
