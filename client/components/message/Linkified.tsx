/** Message text as text nodes; only http(s) URLs become links (opened in a new tab, no referrer). */
import { splitLinks } from '../../lib/safe';

export function Linkified({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((p, i) =>
        p.href ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow">
            {p.text}
          </a>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
