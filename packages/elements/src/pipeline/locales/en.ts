import type { PipelineTexts } from './texts.js';

const en: PipelineTexts = {
  $lang: 'en',
  label: (name) => `Pipeline ${name}`,
  kinds: { won: 'Won', lost: 'Lost' },
  cards: (stage) => `Deals in ${stage}`,
  totals: { count: 'Deals', amount: 'Total', forecast: 'Forecast' },
  closes: (date) => `Closes ${date}`,
  noDeals: 'No deals',
  loadingMore: 'Loading more deals…',
  moreFailed: (reason) => `Not every deal could be loaded: ${reason}.`,
  empty: 'No deals in this pipeline yet.',
  customerEmpty: 'No deals with this customer in this pipeline yet.',
  loading: 'Loading pipeline…',
  notFound: 'This pipeline does not exist or was removed.',
  notConfigured: 'This pipeline is not connected: set base-url and key, or place it in a kith-provider.',
  notAuthorized: {
    title: 'Staff sign-in needed',
    body: 'The pipeline is shown only to signed-in staff who may read deals. Sign in, then try again.',
  },
  noPipeline: 'No pipeline selected.',
  failed: (reason) => `The pipeline could not be loaded: ${reason}.`,
};

export default en;
