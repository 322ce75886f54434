import { launchFirefoxExtension } from '../support/firefox-under-test';
import { describeKeyJourneys } from './key-journeys';

describeKeyJourneys('Firefox', launchFirefoxExtension);
