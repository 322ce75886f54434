import { launchChromiumExtension } from '../support/chromium-under-test';
import { describeKeyJourneys } from './key-journeys';

describeKeyJourneys('Chromium', launchChromiumExtension);
