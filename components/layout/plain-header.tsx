/**
 * The header of pages rendered outside the message provider (the root 404 and the global error
 * page): agency and portal name only, strings passed in.
 */
export function PlainHeader({ agency, portal }: { agency: string; portal: string }) {
  return (
    <header className="site-header">
      <div className="shell-width">
        <p className="site-name">
          <span>
            <span>{agency}</span>
            <span>{portal}</span>
          </span>
        </p>
      </div>
    </header>
  );
}
