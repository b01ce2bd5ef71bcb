/** What a save came to, next to its button: "Saved." announced politely, an error at once. */
export interface SaveMessage {
  ok: boolean;
  text: string;
}

export function SaveOutcome({ message }: { message: SaveMessage | null }) {
  if (!message) return null;
  return (
    <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'section-hint' : 'field-error'}>
      {message.text}
    </span>
  );
}
