import type { Notice } from '../../../shared/contract';

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: string) => void }) {
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'} data-testid="notice">
          <p>{notice.message}</p>
          <button type="button" className="button-quiet" onClick={() => onDismiss(notice.id)} aria-label="Dismiss this notice">
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
