export {
  detectCrisisLanguage,
  type CrisisCategory,
  type CrisisDetection,
  type CrisisLanguage,
  type CrisisLanguagePack,
  type CrisisMatch,
  type CrisisPhrase,
  type DetectCrisisOptions,
} from './detect.js';
export { englishCrisisLanguage } from './phrases.en.js';
export { spanishCrisisLanguage } from './phrases.es.js';
