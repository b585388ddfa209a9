/**
 * The Score samples the console ships (see SOURCE.md): the profile gallery's "Score workload" example and the
 * sample picker of "Deploy a Score file" both read them from here.
 */
import deprecated from './samples/score-deprecated-files-and-volumes.yaml?raw';
import full from './samples/score-full.yaml?raw';
import dependencies from './samples/score-humanitec-03-dependencies.score.yaml?raw';
import extras from './samples/score-humanitec-04-extras.score.yaml?raw';
import dependenciesExtensions from './samples/score-humanitec-03-dependencies.humanitec.yaml?raw';
import extrasExtensions from './samples/score-humanitec-04-extras.humanitec.yaml?raw';

/** The Score samples as YAML text, by name. */
export const SCORE_SAMPLES = {
  full,
  deprecated,
  dependencies,
  extras,
} as const;

/** A sample's name. */
export type ScoreSampleName = keyof typeof SCORE_SAMPLES;

/** What each sample shows, for pickers. */
export const SCORE_SAMPLE_TITLES: Record<ScoreSampleName, string> = {
  full: 'Every Score field (score-spec sample)',
  deprecated: 'Files and volumes in the deprecated list form',
  dependencies:
    'Dependencies: postgres, dns and another service (score-humanitec)',
  extras: 'Extras: an environment value and a dns (score-humanitec)',
};

/** The Humanitec extensions file that comes with a sample (score-humanitec's examples have one). */
export const SCORE_SAMPLE_EXTENSIONS: Partial<Record<ScoreSampleName, string>> =
  {
    dependencies: dependenciesExtensions,
    extras: extrasExtensions,
  };
