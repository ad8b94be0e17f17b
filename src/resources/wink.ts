import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;

/** wink-nlp with its English model, loaded once on first use. */
export function wink(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos', 'negation']);
  return instance;
}
