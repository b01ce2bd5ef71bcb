import type { Notice } from '../../../shared/contract';
import { markNoticeRead, useReadNotices } from './read-notices';

/**
 * Notices in full above the view, until read. "Got it" folds one into the status bar's single
 * line (a long keychain warning took about 100 px on every view); "Dismiss" removes it.
 */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: string) => void }) {
  const read = useReadNotices();
  const unread = notices.filter((notice) => !read.has(notice.id));
  if (unread.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices">
      {unread.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'} data-testid="notice">
          <p>{notice.message}</p>
          <div className="notice-actions">
            <button type="button" className="button-quiet" onClick={() => markNoticeRead(notice.id)} aria-label="Got it: keep this notice in the status bar">
              Got it
            </button>
            <button type="button" className="button-quiet" onClick={() => onDismiss(notice.id)} aria-label="Dismiss this notice">
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
