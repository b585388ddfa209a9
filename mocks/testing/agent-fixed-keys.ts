/**
 * Fixed 4,096-bit RSA public keys (private halves never kept) for tests that
 * need a key without making one (the access matrix, the contract test's
 * bodies): none of them is registered in the demo. The demo's own are in
 * fixtures/agents-seed.ts; the old key of `edge-eu` there has the fingerprint
 * {@link EDGE_EU_OLD_FINGERPRINT}.
 */

export const SPARE_KEY_A = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAxfbhulkiTalrGVD/nJdT
RVh3xpggkAy7bz9NbVP7jxTZnEZB0zU1DhWUOwZywFmSho2qdKwd+wlxBqBlmk3w
EXnXzKlqysugr9ducph9+/MYfn0qkOAdanJLMQGUqnGY0Pvoh6kqLEenElgFF+5p
mCEuchsNhwe4+O32Wci/Mt/LKpjFO3s0qfQXU7foQj11zfBmEVHgBN6vOzb+FRS4
li3purg0BI1Ll/t80q0R25p1O2fvWtCXNRuBa+cwaZI3bo6mQoAZNEbogWz774PI
B801oiV3igYr5BytJfOQWyeRMjUzV0f7zZ6Fa2br9Wt4JSaS0Nh/kkz4cVRZquue
yVAxTYgp65Mqt0LFQTiHgCCdKZP6QBeWL9WWRwqYXehPaxOS9VFMoeOQcAwBWqwc
MsaccBM9nMIcjDKiiWO3eGG4y38vl6T4fZn5u5s2WHEHpoADpG4B03LfKQ330Idq
Xf0FkfaGlrr2cMWsamG4jLkTC3umOVYvD5vmCgnXSS+ZODkbJiDxBJPIHXtfdGWw
ropEL3FoIUwCIAJT2n/Y4k9kwPt2ikgnKlkivfEbLke7B/yaU19j/kgeynxA8qdG
/I/F7WhfUkaWZlCK6neoc92uUH8d0hEmwozxyh6XgBV9P1N6HTQxBiSJBckH+Dh6
smyF5rPudDYyHBdSlKS3FAcCAwEAAQ==
-----END PUBLIC KEY-----
`;

export const SPARE_KEY_B = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAt8wc8wWePivtacsfc5Mj
JCe4h1j07Ln51TEl0RvBbWd7Kwc3owietN3kIuqoRgwU78GUSdaaFxAoVAIONDnj
WK7RoNfKpuIWZ3Dzc01Ri1UPdT/1YN43ap1tO3ErMr4CaviFGZkODRCn/Qqy9/Ii
ZV1R4SIK5dVj/j1yCIFKhwFYDeM00/X3Dq3zDr4NqfJXnxc/9DVLPdZkiNI9xIH6
RhWqOjATLO1qzGVnzzW+Tu/hNQ1sAi5EbDNgJd6Hd8FuySxd2eUfZDqfAsPZApKC
8+wowWtB5LbfAhvfAksj1dhtCNQxzvvO6sYedtksnIB5+pY11rfOnrrYP2ebm6d/
Q3yiPjS6i9Oo98KltFPi2dC2DLxMwzofhMDksJJ8I3Y89sNwdeMrXUcrbyx5q4nt
v0xo20Nfa7qh/Yyt2Q4aZsJn9IgpdXkHNJ2ReFCXCt2zDIn7YO4nPuIEVpGRGSYo
7OcAvqhj7h872D93tGgeemODFxawhboLn2UM/LGv9wuaIMIWqoVxgdvoAwn5hc2u
13Rx7bc3IAGsLIwws40ffnB35kLEeuNYdyblmoHDZQGR2VxHVBAEpTi2JG6CiZbm
xIem5es98cXqysq8iovazjG55DXEXxs/F1w6hHibjmKU8nFVndt6Fxm7U7t4AGaR
zxpQVh/LJvuJYAiLSvYPxC8CAwEAAQ==
-----END PUBLIC KEY-----
`;

/** The demo agent edge-eu's older key (the one a rotation deletes next). */
export const EDGE_EU_OLD_FINGERPRINT =
  'e4c0c2fee5d4813be4b80de8b2c8861717efbc5019b5970922d3c43f355115b7';
