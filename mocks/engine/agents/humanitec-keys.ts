/**
 * The public keys Humanitec shares with every organisation
 * (`/orgs/{orgId}/humanitec-keys`): what an agent checks the platform's
 * requests with. The simulation has one, active since the organisation was
 * created; it is a real 4,096-bit RSA public key (its private half was never
 * kept).
 */
import { requireOrg } from '../core/lookup';
import type { StateV1 } from '../core/state';
import type { HumanitecPublicKey } from './views';

const PLATFORM_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAtbn32b6BRjYA+YMyQgOm
ksQQfKQ5KaBrslqtEu3CF5w7WYT/+yWV0VnPTNXwL6fwGFm5/jG3PLLgKCtv3s17
pmzJhE4utNM5nR/RzrjBVQWm3uZyliAnmuxOm4CzrpSjL44X7vcEygKczDn0Hdu+
Sr8q52iQ3lmnvaDtOrm+zbnvmIqrrBoMAdhfRb1G98vOjPI3/KWT/S5Nz3iPCTCa
aL505hG3OwtMEynT2z5EtGhHljcfTZ6vf7vza390sX7+YNGMBjHDe1I38WDp+fc0
QsNHzGN8zjMnP6hxGRpUdC9qKK/tVg9OhM3gRnIYkZTd6pvsFgWdyQM65/KDul5n
maUb1ndiYQZHJZO6UEN8+r1czbCthD9TmBlvIETeaCoV6/K13odPecuFOFDq+xLV
d2ze45izU41m/+Lvexr2Z/o+o59bFUk0s3Tqsgh57SQkS3yydGId5FnyluF89wOd
VscySvulJe5WhRODQ2bjPsqiW00HbQJPNluGrl1p7g1RK5wFDdYDgdHtuHBOzJ6x
QhfC8UeBwH7z7a8B7T9tGV9HHBtGsRyVegrkBcUi6BQvv6jiE1ki0Pm/42MW+LpB
E+ScqXXUbiAGiDsMoO7G/I06on0k89LcQFRewEBszX24coCMv9m10HsLQOgZdzw+
azKFba1iDvxNKhCMFcB27PsCAwEAAQ==
-----END PUBLIC KEY-----
`;

/** Humanitec's keys for the organisation: `active` true, false, or both when absent. */
export function listHumanitecKeys(
  state: StateV1,
  orgId: string,
  active?: boolean,
): HumanitecPublicKey[] {
  const org = requireOrg(state, orgId);
  const keys: HumanitecPublicKey[] = [
    { pub_key: PLATFORM_KEY, active: true, created_at: org.org.created_at },
  ];
  return keys.filter((key) => active === undefined || key.active === active);
}
