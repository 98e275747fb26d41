/** PLACEHOLDER: the explorer screen is being built; this file is replaced by its owner. */
export function ExplorerScreen(): React.JSX.Element {
  return <section className="screen" data-testid="screen-explorer"><h1>Explorer</h1></section>;
}
