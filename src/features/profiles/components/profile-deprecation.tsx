import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { profileQueries } from '@/api/queries/profiles';
import { Banner, BannerLinks } from '@/components/ui/banner';
import { paths } from '@/config/paths';
import { profileStatus } from '@/lib/status';
import { qualifyProfile } from '../utils/profile-ids';

/**
 * A warning when a workload's profile is deprecated: the platform team's
 * message and where to read the profile. Nothing while loading, when the
 * profile is current, or when it cannot be read (the page says so elsewhere).
 */
export function ProfileDeprecation({
  orgId,
  profileRef,
}: {
  orgId: string;
  profileRef: string;
}) {
  const qid = qualifyProfile(orgId, profileRef);
  const { data: profile } = useQuery(profileQueries.detail(orgId, qid));
  if (!profile?.deprecation_message) return null;
  return (
    <Banner
      label="Profile deprecation"
      status={profileStatus(profile.deprecation_message)}
      summary={
        <>
          The profile <code>{qid}</code> is deprecated:{' '}
          {profile.deprecation_message}
        </>
      }
    >
      <BannerLinks>
        <Link to={paths.profile(orgId, qid)}>Open the profile</Link>
      </BannerLinks>
    </Banner>
  );
}
