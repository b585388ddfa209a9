import { describe, expect, it } from 'vitest';
import type { ArtefactVersion, RunningImage } from '@/api/artefacts';
import { filterImages } from './components/artefacts-page';
import { compareTags, newerRunning, tagOf } from './versions';

const IMAGE = 'registry.acme.dev/shop/api';
const version = (id: string, tag?: string, name = IMAGE) =>
  ({
    id,
    name,
    version: tag,
    artefact_id: 'a',
    type: 'container',
  }) as ArtefactVersion;
const target = (versionId: string | undefined, image: string) =>
  ({
    app_id: 'shop',
    app_name: 'Shop',
    env_id: 'production',
    env_name: 'Production',
    env_type: 'production',
    workload: 'api',
    container: 'api',
    deploy_id: 'd',
    status: 'succeeded',
    image,
    artefact_version_id: versionId,
  }) as RunningImage;

describe('image versions', () => {
  it('reads the tag of a reference, not a registry port or a digest', () => {
    expect(tagOf(`${IMAGE}:1.4.2`)).toBe('1.4.2');
    expect(tagOf('registry:5000/api')).toBeUndefined();
    expect(tagOf(`${IMAGE}:1.4.2@sha256:abc`)).toBe('1.4.2');
  });

  it('compares tags as versions, not as text', () => {
    expect(compareTags('1.3.0', '1.4.2')).toBeLessThan(0);
    expect(compareTags('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareTags('v1.4', '1.4.0')).toBe(0);
    expect(compareTags('1.4.0-rc.1', '1.4.0')).toBeLessThan(0);
    expect(compareTags('latest', '1.4.0')).toBeUndefined();
  });

  it('says the newer version a target runs, by version, whatever order CI pushed them in', () => {
    // Newest pushed first: 1.3.0 was pushed after 1.3.1, and 1.4.2 after both.
    const versions = [
      version('v142', '1.4.2'),
      version('v130', '1.3.0'),
      version('v131', '1.3.1'),
    ];
    const [v142, v130, v131] = versions;
    const runs142 = target('v142', `${IMAGE}:1.4.2`);
    expect(newerRunning(v130, versions, runs142)).toBe('1.4.2');
    expect(newerRunning(v142, versions, runs142)).toBeUndefined();
    expect(newerRunning(v130, versions, target('v131', `${IMAGE}:1.3.1`))).toBe(
      '1.3.1',
    );
    expect(
      newerRunning(v131, versions, target('v130', `${IMAGE}:1.3.0`)),
    ).toBeUndefined();
    // An archived version (not listed) runs: its tag says which.
    expect(newerRunning(v130, versions, target('gone', `${IMAGE}:2.0.0`))).toBe(
      '2.0.0',
    );
  });

  it('falls back to the order CI pushed them in for tags that are not versions', () => {
    const versions = [version('b', 'main-b2c'), version('a', 'main-a1f')];
    expect(
      newerRunning(versions[1], versions, target('b', `${IMAGE}:main-b2c`)),
    ).toBe('main-b2c');
    expect(
      newerRunning(versions[0], versions, target('a', `${IMAGE}:main-a1f`)),
    ).toBeUndefined();
  });
});

describe('the artefacts filter', () => {
  const byImage = new Map([
    [IMAGE, [version('1', '1.4.2'), version('2', '1.3.0')]],
    [
      'registry.acme.dev/shop/cart',
      [version('3', '2.1.4', 'registry.acme.dev/shop/cart')],
    ],
  ]);
  it('keeps an image whose name matches with all its versions, any case', () => {
    expect([...filterImages(byImage, 'SHOP/API').entries()]).toEqual([
      [IMAGE, byImage.get(IMAGE)],
    ]);
  });

  it('keeps only the versions whose tag matches, name:tag too', () => {
    expect(
      [...filterImages(byImage, '1.3').values()].flat().map((v) => v.id),
    ).toEqual(['2']);
    expect(
      [...filterImages(byImage, 'cart:2.1').values()].flat().map((v) => v.id),
    ).toEqual(['3']);
    expect(filterImages(byImage, 'nothing').size).toBe(0);
    expect(filterImages(byImage, '  ').size).toBe(2);
  });
});
