import { useEffect, useState } from 'preact/hooks';
import { autoFillSites, disableAutoFill, enableAutoFill } from '../../autofill/auto-fill-sites';

/**
 * "Fill automatically on <site>", per saved site. Turning one on asks the browser for that one site's permission,
 * so it must run straight from the click.
 */
export function AutoFillToggles({ sites }: { sites: readonly string[] }) {
  const [enabled, setEnabled] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  useEffect(() => { void autoFillSites().then(setEnabled).catch(() => undefined); }, []);
  if (sites.length === 0) return null;

  const toggle = (site: string, on: boolean) => {
    setMessage('');
    const change = on ? enableAutoFill(site) : disableAutoFill(site).then(() => true);
    void change.then(async (done) => {
      if (!done) setMessage(`The browser did not give Tessera access to ${site}: automatic filling stays off.`);
      setEnabled(await autoFillSites());
    }).catch(() => setMessage(`Automatic filling on ${site} could not be changed. Nothing was changed; try again.`));
  };

  return (
    <fieldset class="auto-fill">
      <legend>Automatic filling</legend>
      {sites.map((site) => (
        <label key={site} class="check">
          <input type="checkbox" checked={enabled.includes(site)} onChange={(event) => toggle(site, event.currentTarget.checked)} />
          Fill automatically on {site}
        </label>
      ))}
      <p class="hint">Tessera then fills the code when the site asks for it, without a click. Only while unlocked.</p>
      {message && <p class="error" role="alert">{message}</p>}
    </fieldset>
  );
}
