/**
 * The /api_docs page's script, written as a typed function and inlined with `toString()` (the page
 * must work offline, from one file, without a CDN). It only enhances server-rendered HTML: deep
 * links open their operation, tabs switch code samples, buttons copy a sample or a link.
 */
export function apiDocsClient(): void {
  const byId = (id: string): HTMLElement | null => document.getElementById(id);

  function copy(text: string, button: HTMLElement): void {
    const done = (): void => {
      const label = button.textContent;
      button.textContent = 'Copied';
      button.setAttribute('data-copied', 'true');
      setTimeout(() => (button.textContent = label), 1500);
    };
    if (navigator.clipboard !== undefined) {
      navigator.clipboard.writeText(text).then(done, () => fallback(text, done));
    } else fallback(text, done);
  }

  // Without the async clipboard (an insecure origin such as a LAN address), a selected textarea still copies.
  function fallback(text: string, done: () => void): void {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
    done();
  }

  function open(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id === '') return;
    const target = byId(id);
    if (target === null) return;
    if (target instanceof HTMLDetailsElement) target.open = true;
    for (const link of document.querySelectorAll('nav a.active')) link.classList.remove('active');
    const resource = id.split('/')[1];
    document.querySelector(`nav a[href="#/${resource}"]`)?.classList.add('active');
    target.scrollIntoView();
  }

  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (button === null) return;
    const tab = button.getAttribute('data-tab');
    const samples = button.closest('.samples');
    if (tab !== null && samples !== null) {
      for (const b of samples.querySelectorAll('button[data-tab]'))
        b.setAttribute('aria-selected', String(b === button));
      for (const pre of samples.querySelectorAll<HTMLElement>('pre[data-lang]'))
        pre.hidden = pre.getAttribute('data-lang') !== tab;
      return;
    }
    if (button.hasAttribute('data-copy-sample') && samples !== null) {
      const visible = samples.querySelector<HTMLElement>('pre[data-lang]:not([hidden])');
      if (visible !== null) copy(visible.textContent ?? '', button);
      return;
    }
    const link = button.getAttribute('data-copy-link');
    if (link !== null) copy(`${location.origin}${location.pathname}#${link}`, button);
  });
  window.addEventListener('hashchange', open);
  open();
}
