/** PLACEHOLDER: the connections screen is being built; this file is replaced by its owner. */
export function ConnectionsScreen(): React.JSX.Element {
  return <section className="screen" data-testid="screen-connections"><h1>Connections</h1></section>;
}
