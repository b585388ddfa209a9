import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { GALLERY } from '../utils/gallery';

/** Examples to start a profile from. */
export function GalleryList({ orgId }: { orgId: string }) {
  return (
    <ul className="gallery" aria-label="Examples">
      {GALLERY.map((example) => (
        <li key={example.id} className="gallery__item">
          <h3>{example.title}</h3>
          <p className="muted">{example.description}</p>
          <p className="row">
            {example.shows.map((s) => (
              <code key={s} className="chip">
                {s}
              </code>
            ))}
          </p>
          <Link
            className="button"
            to={`${paths.profile(orgId, 'new')}?example=${example.id}`}
            aria-label={`Start from the example ${example.title}`}
          >
            Start from this
          </Link>
        </li>
      ))}
    </ul>
  );
}
