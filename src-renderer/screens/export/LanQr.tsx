/** A QR code of a URL for a phone's camera, drawn in the browser (a data: PNG the page's CSP allows). */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function LanQr({ url }: { url: string }): React.JSX.Element {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: 168, errorCorrectionLevel: 'M' })
      .then((data) => live && setSrc(data))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [url]);
  if (failed) return <span className="muted small">QR code unavailable: type the address instead.</span>;
  if (src === null) return <span className="qr-placeholder" aria-hidden="true" />;
  // White quiet zone on purpose: phone cameras read dark-on-light codes, whatever the theme.
  return <img className="qr" src={src} width={168} height={168} alt={`QR code of ${url}`} data-testid="lan-qr" />;
}
