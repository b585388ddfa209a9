/**
 * Keys for agent tests, all as PEM: RSA public keys of 4,096 and 2,048 bits
 * (real keys made once with Node's crypto and kept here: making a 4,096-bit
 * key takes a second or more of CPU, and the suite made eighteen of them), an
 * EC key, a private key and a certificate. Tests only: the seed uses its own
 * fixed public keys (fixtures/agents-seed.ts).
 */
import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'vitest';

/** Made with generateKeyPairSync('rsa', { modulusLength: 4096 }), exported as SPKI PEM. */
const RSA_4096: readonly string[] = [
  `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAorFC6FzO8QppJC1/mASS
bojIwORN+gwtFXjikAZfbOT73+1IQGLki2XwUY93VFT2ZhdCq+JRg69Pr/uBS0Wb
JJTzLv8O9WvQ8YnVvML6j+2jadVV/Zroakg55hF1Ce+ukFYN/bmGDu1gVqAtyLyK
RUtj32IlbrwWdloFUOteldoOP4gu3na0mmF5/15l5BUyPbXB7PpMfbnFZkLw/dY/
uonPXkbBbaAjjLiS07e1IBj9SJed8Umfyok24cVzKB5fpOtgKE4gXfiE7PPtClqh
f1ncb/6aMg4icy+PEIqMhEhNXeYuHTdnYY1kZYnXI+L1c//lA/aY5Z7n0PBx32I0
8JNL1R+S23cSC1f0kVqAZd7iLIUEABOcMwXg2wh4xPVU7zebfZJlU73HDIGjGxU6
Byb4e7IUS8afS0vV2ssx2xHvkTDVaLGqKOmqH4Cezk9RFj8BKdFjQ4tPI7HpAN9A
MP48yQiFdqitluYTNNx3fh2Dajslp9HNV3exiHyeNie8ASHCu5yre1Zh8VEQGFFt
7eVdg87yggM19OxLmqznI70fxkODnaCU2hO4792tcyObAmYWn8e3MxxRYLq4q0Bt
UAcvdR/SqqpJPFc46XOZm1aZHmh3iyHarr2UPccq3JNg6a+EzjDxcDdWfZ2YWl8y
p+jZ4PZ4hCjoWcVscqW2108CAwEAAQ==
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA4WGN8nwkbM/hvPMYd+5r
crErPLO3UTEuiBD8xFhUJNWdeigwbF7MhZRb1G250WJHV7aKuPfW+TEqzwWvlcXv
DFGAC+T3U9mdwLV4TWQN3xHUPgglJK8iUw2V/2ObwU/pdsifuI5Z+Z8y28jBiaLX
A2ZfEC3SKlEY+i30efwqGj+Ol5P0YJy8mKR2hO5n6dUsUkM1oVX9TaL+qQpvqtZT
0RIpnNTgUYwTSwIh60oRDuy2cwbUXX9wy/lctR5YgKi2YHXzsXuRy09rh01pH3ef
Zd2qOxQs4B0+JP9ga3Nq2BGIHbJqZH2xNrtMZiXamSo9+g5aXvvXklguf1JYd8sg
HKhhyKMXuzsCf0Sp9d+T/WmRPUzBYVvhSLM+F00j964e4hR5lXJs/hjs28A8Zb6j
LhAUOgyD5k7GTQS8hecDN2YfDZx9nWP2wcgwgEnRm40+ZoifKfcgaKlW5C8rtpDO
c4pMzCHIpqtMoeU/7zUmEmWK+g2rqFx/oK/r3NaR74jR1Ve4QGliJF3h0PHtjXHY
Iv+7TjFdWmVwxDq6k2qcx2n3cCuBXQUE+Az4RU1dUEfwfJ+nKZKO14e3LfMhNxDI
fuLvlrOZZNZFx8plJ+CiNu0uFAygrUmIj3o2R9h9uWtagIxaVfCGt8CWFrIkAwaG
dZvmX+GExrVzqjV3ZGZesqECAwEAAQ==
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAqaLQ65nWiiqQVjEYYLvq
txUQM7tuv3FuBq0ZF3WajBP1Uktl05MPEFQDckoOK2iybFYGC4uf1a0tY7QL56j4
X0kYvjTMNXtPcG7BO9kUhH+IUd/ygRlq1DP4TTYUf0XCRL9TBKmlSpHdxyUhbyRn
Y6E8RFX/Sh5PJ2go7sNmDDdvjr9KmPVC8j0UEjlRLn2EdSrgSQDjNGoyGGzhJbGa
M8mnRCX6iWdfopeDw8nr2INZMk1N+/l1mkau0lLwS/VT4t15QFWJR7PrqJ9LZlbN
ad4SmS4VlVToAiZjihgXVkRfKTdEf+efEAS0vuR5+JEht++UpweeRfNduGE/AHsT
IlGGi+4ywe4bpMMkOe78niF3baIavPJ/VAjPeL2pi70i5EXwUz2S+rWRNETHWxpA
+Cng+Ise6oCa+kWZY5XIzhOK0JTC/GX8FNeApwarSdpzgG5z/Gxgh5T2nmVOLDQj
1ozI7D1ofaRsgc5ES469rV/hvNB8TlDQGrjZU0W3G1RYWsl+lZi4Z23HUVmaJDKr
nX8GNS2ANlC0ne2rld3h7+233n6j+nhJoKQrvXr2V7z0ji2Jlar7pxqFL7Unxi3r
0vOGspam6d2a+yKdboCY93j8oXa4ZOEUS5BS4lPfwaS5U/STN2tvH8WL42qYoZ1m
o7Q1+d0Y/cZ+9s8UqNqAYwECAwEAAQ==
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAmDVxBGggl8VxGnKIknfc
hX+ZFZXXXeOk6/0qxi2MAFC9/7SUiuS3W4C+CXs2aicT9NoKRSi+y7drFr2MGwBX
XM6wSDFDa/3SShgrp4vF0Q7BJf9vCcnCGK7MFMeVxyGe181QegbMsh867MP+NPHB
o3XweeJTIEXHoSijoAou81agrS45aWnz1qgNQZHPdCUGjk4hDD96SssyRW10MVI7
8OZY3jzLwjHdOS938zNYF4rLPohc3LuzErFkIOu93TIHfyRpnhwsToDZN8NctDDV
A32U5FNBN2WKbOz+h3R198CwtBud0gnRwrUoj/OfNovSbco3yhoqtvpNF/TxiBII
r7F4xci5S9NU8SCxJ8G2kYgwDrEykqPq9/01KiMvSAee5u8vF3vqkZB93jukjIAj
/uZNME4+X/ZB39qsA0yDW9T6P0JedaMejtzvdZhhJvvk1UyFOdlHKTs7JnrLAICe
Zyg6vIq9D8u4AntAShun31qr8ZxjT0Rgzhr0a44RD6cUIsh4YcMRvqjv/sRrCO1s
JxEmBzZcI7HElmH3bI+/5NYF95Q6hwH6XXzGhTHxlaWu8X3EgsPa0+0jEnlEDnAc
ih/9SRePYghucJUSxsya3QfXVd5UebPYrKXLENSwxUbIRoDlYigJTmB06X9xfzVc
PKf8hFuqg5oFUqZOJjhW0EUCAwEAAQ==
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA0rrAkuDYrz4zJV4RFi5u
ZBLoMyYu0ky/X+witUMIq2ajIK3juknD8jNitktOhuWzZzr05bc6Ffn5jZnvo6n4
eALWfBTCTiGELUUCDxkVNqHNeuU1dLhVnifE+98FP6tgwIOGN0J1IM/K2pwoknI7
yvCkFGRD/7nMApUfQRk0BFlg1XwxmMCElkPm9vX1qNhLROgrY2zUIBnC2kvOVN0g
gnf8GbQATB61URZ3lXsmhqx9Vd1XgzSgHS6hLVVcBoRwO//3cuMthMdankNKGuz7
IphPBmOsEBB1MiOUyb73Ii+mDC8Tjfl+3ruomRO+fGB8qkOTGEe4mjpgxAN6ZMrK
MkUzcWSrVRZFd2+zdC0FTpdMBv/rvzHz4ONtaXx3CZ3Isf3TKSYyHcHNnXRXpDf8
3rQ79/Ar88zDYuoTjUeWCwMHmTjfFdT647fVzb84tvFjt0Siu5nBHJcVoYIQyaza
mxF3SxFo/U9Vn/wTevTb05eYehgmgMdKQRkf+XjZt4Y8C13U7w8UhlzPJp609JYV
WMPSyjIWRJwJBUKq5LfkL9yHdxX4FQo6cFY3fsHpq36tNIxHsUJMvIvNDxrqJ+as
MimE9LkiIE5MrKJq0Srm801WrWNLZmzNhRCAZbHozBXhntOSESlapau4gCa/jOcu
S6IlH1vAlRfmUO7D6HJm4e0CAwEAAQ==
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEApypDyLBsN0B76I3Yj0/j
SRG2qONZAnEcAAC/KflXFnwllwBIDr1geOwQwSl7lR5iezrn+Z6moAW9GT5BfWay
I5F/DjT5ZNY8XBn2D6Okqfkzrt6Q0r9bTJx+W69PrBok6IEZg2ooOo0oY9K1j5fp
BOW9XzJDBT9/22WU7js3Y7pqyW1Bp7Z/cultkGuMw8EXfVXXdVLDJCXqo2WEansY
5bQ6OWCBFNv2riJFNE0KG64MAxxT5h/VfQFROAE8XaAjC80N/r4mDbj3SMjen7Gp
fN+Qeq5NgMxpfMGLUE/0t6rqwRbNeyj4aJJLLyjxMFp8tlLdOO9024Ch+U/Ucr10
OSOYAldndfcluuzs38cn47uVmHiJr4Y3sJcpjjfq/K137DSJjQQxN68/QuHBhWLq
At6+8uqdo4EkpoznAZ5XGHw4IobwGNVy+zzs6iNWDIMyFShn54ojGd2ZgsfGnBH8
eBfdSwf7S2p8tWXIC/1MEcqbVR7vyP6Hy5SdjcTC83qeHTa4hDeISFSXs8MEBTBl
HPEjRwjHJUSFze9iwTbVAV7Aiwoio/K2B3ObNFr0Akls3h7v+rexUemMyrXuEH7p
EnoCA6BLJ93AhgWA3duo4nk9Iz7CA+kbS4PyAOK3ObOSGkR3hlyKCx5MOBzQaMG+
84G/9f08I8XdizK2+cBTmx8CAwEAAQ==
-----END PUBLIC KEY-----
`,
];

/** The same with modulusLength 2048 (too weak for an agent). */
const RSA_2048: readonly string[] = [
  `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtb7abCUKxr0M4JJdeH7d
dZVGHFFMJ41hqwysiymIoM5lG6C47O5tcoFSwi6pnLMvdxpJwLqWmr+qwNb9cxQl
DwlHxNulcMFh7EaruLVfq92xIpibs8RSAZh8rr8C12HLQSKagyp/akbRk0GlD502
WNQb3YQ/7vE3zJEG1Wp44NXPFhlNCsm8zBli016SPhUTyRowaNPBLvx60hq3fXV7
Z2gcCewnARfP1sFqGpS7oY2hki6SlnkOfC4A0f8gu6F95mjuMcvZxFUcA6nItrGQ
o1+45b7vjLUVh/Cn8nUUc3ZmhVSDw6hVudH/adLAzFZdyBzuZeAsRbrio2OyaEz7
EQIDAQAB
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3zDOczVdpJ53VG68ujjj
PI/vjUD1aD1htkd+FJPokDA2JTjowOEqexAbN4HO/rFjodR+xLLCTFOMXhsgXiP6
ZHzlNUAd4t42z7HKI5obT/vX/LupSFOIAkytpwOE/LwxRm8k/opHhRMciWPaltWb
g91u5uJGyN+N2iPql5iaIcW2h15hUrscKxWe9WyPrdHunt0w0oiHdyl3KzQFznEu
Cjww2MdO9SON7zzUlmqLQdZ3N6bV0FBEgKuwKzmIzGGlb03hU5Fc368ytI2OUbYt
qFAz5LmDWkI1FRr8nXtJ34czN++Z7oO9vtXDbG0PA487+0q2Fd+qOqn+0EtLxnGu
mwIDAQAB
-----END PUBLIC KEY-----
`,
];

/**
 * How many keys of each size each test file took. Keyed by the file: Vitest runs
 * several files in one module graph (`isolate: false`), so a module-level count
 * would run across files.
 */
const usedByFile = new Map<string, { 4096: number; 2048: number }>();

/**
 * A public key PEM (SPKI) of an RSA key of `bits` bits (4,096 or 2,048): a different key at each call of a test
 * file, as a freshly made one would be.
 */
export function rsaPublicKey(bits: 4096 | 2048 = 4096): string {
  const file = expect.getState().testPath ?? '';
  let used = usedByFile.get(file);
  if (!used) usedByFile.set(file, (used = { 4096: 0, 2048: 0 }));
  const pool = bits === 4096 ? RSA_4096 : RSA_2048;
  const key = pool[used[bits]++];
  if (!key)
    throw new Error(
      `A test file asked for more than ${pool.length} RSA keys of ${bits} bits: add some to mocks/testing/agent-keys.ts.`,
    );
  return key;
}

/** A public key PEM (SPKI) of a P-256 EC key. */
export function ecPublicKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
}

/** A PKCS#8 private key PEM (what must never be sent). */
export function rsaPrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** A self-signed certificate (EC P-256, CN agent.example), made once with openssl req -x509. */
export const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBhDCCASugAwIBAgIUK3Oy06+UMdORFlYnvXJ3bp7P5J8wCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNYWdlbnQuZXhhbXBsZTAeFw0yNjEyMDQyMzI2MTdaFw0yNjEy
MDUyMzI2MTdaMBgxFjAUBgNVBAMMDWFnZW50LmV4YW1wbGUwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAARE7Kb2VMrUdIsVpYvoXE4x9jMruvknXl35u795hgKKygJe
3voCxzXPDGCo6ubz/vxrRCgXCSa6UMOJKSfKgziVo1MwUTAdBgNVHQ4EFgQUN2cJ
KR00gKCPZ2cBR56C2c0PQKkwHwYDVR0jBBgwFoAUN2cJKR00gKCPZ2cBR56C2c0P
QKkwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBEAiBo+Xrv8OiOX7KQ
HW/bNVp+Ehq63284Q7Geb17mUBYLZAIgCDStdmPThrcwNPq4qv12AfA1/QIc4WIm
SPieMif1lIw=
-----END CERTIFICATE-----
`;
