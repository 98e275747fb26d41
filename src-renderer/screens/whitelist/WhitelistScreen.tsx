/** PLACEHOLDER: the whitelist screen is being built; this file is replaced by its owner. */
export function WhitelistScreen(): React.JSX.Element {
  return <section className="screen" data-testid="screen-whitelist"><h1>Whitelist</h1></section>;
}
