/**
 * A deployment as a link's text: its comment, else "No comment" with its short id said to screen readers only (the
 * id is shown beside it, so it is not written twice on screen, and each link still has a name of its own).
 */
export function DeploymentName({
  id,
  comment,
}: {
  id: string;
  comment?: string | null;
}) {
  if (comment) return <>{comment}</>;
  return (
    <>
      <span className="muted">No comment</span>
      <span className="visually-hidden"> (deployment {id.slice(0, 8)})</span>
    </>
  );
}
