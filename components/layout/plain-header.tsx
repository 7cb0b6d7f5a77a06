/**
 * The header of pages rendered outside the message provider (the root 404 and the global error
 * page): agency and portal name only, strings passed in.
 */
export function PlainHeader({ agency, portal }: { agency: string; portal: string }) {
  return (
    <header className="border-b-4 border-primary bg-white">
      <div className="mx-auto max-w-page px-4 py-4 leading-tight">
        <p className="m-0 text-[0.9375rem] text-base-dark">{agency}</p>
        <p className="m-0 text-[1.375rem] font-bold">{portal}</p>
      </div>
    </header>
  );
}
