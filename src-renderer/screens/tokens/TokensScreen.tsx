/** PLACEHOLDER: the tokens screen is being built; this file is replaced by its owner. */
export function TokensScreen(): React.JSX.Element {
  return <section className="screen" data-testid="screen-tokens"><h1>Tokens</h1></section>;
}
