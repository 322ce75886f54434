/** An error next to the form it belongs to, announced when it appears. */
export function ErrorText({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return <p id={id} class="error" role="alert">{message}</p>;
}
