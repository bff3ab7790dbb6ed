import type { DemoLocale } from './names.js';

/** The demo shop: an online fashion retailer. Prices in euro cents. */
export const PRODUCTS: readonly { name: string; price: number }[] = [
  { name: 'Merino crew-neck sweater', price: 8900 },
  { name: 'Linen shirt', price: 5900 },
  { name: 'Silk scarf', price: 4500 },
  { name: 'Wool overcoat', price: 28900 },
  { name: 'Leather ankle boots', price: 17900 },
  { name: 'Denim jacket', price: 11900 },
  { name: 'Cashmere beanie', price: 4900 },
  { name: 'Pleated midi skirt', price: 7900 },
  { name: 'Slim chinos', price: 6900 },
  { name: 'Cotton T-shirt, 3-pack', price: 3900 },
  { name: 'Trench coat', price: 21900 },
  { name: 'Canvas sneakers', price: 6500 },
  { name: 'Quilted gilet', price: 9900 },
  { name: 'Wrap dress', price: 12900 },
  { name: 'Leather belt', price: 3500 },
  { name: 'Tailored blazer', price: 18900 },
  { name: 'Rain jacket', price: 13900 },
  { name: 'Knitted cardigan', price: 9500 },
  { name: 'Silk blouse', price: 11500 },
  { name: 'Weekend duffel bag', price: 15900 },
];

export const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

type Review = readonly [title: string, body: string];

/** Review texts by language and sentiment (positive 4–5 stars, mixed 3, negative 1–2). */
export const REVIEWS: Record<DemoLocale, Record<'positive' | 'mixed' | 'negative', readonly Review[]>> = {
  en: {
    positive: [
      ['Perfect fit', 'True to size and the fabric feels lovely. Arrived two days after ordering.'],
      ['Worth every cent', 'Beautifully made; I have worn it every week since it came.'],
      ['Great quality', 'Soft, warm and it kept its shape after washing. Would buy again.'],
      ['Lovely gift', 'Bought it for my mother and she adores it. Nicely packed too.'],
    ],
    mixed: [
      ['Nice, runs small', 'Good material but I had to exchange it for a size up.'],
      ['Fine for the price', 'Decent quality, the colour is a little darker than on the photos.'],
      ['OK', 'It does the job. Delivery took longer than promised.'],
    ],
    negative: [
      ['Disappointed', 'The seam came apart after the second wash. Returned it by phone, which was easy.'],
      ['Not as pictured', 'The colour is quite different from the website. Sent it back.'],
      ['Too thin', 'Much thinner than I expected for the price.'],
    ],
  },
  'zh-Hans': {
    positive: [
      ['非常合身', '尺码标准，面料手感很好，下单两天就到了。'],
      ['物有所值', '做工精细，收到后每周都穿。'],
      ['质量很好', '柔软保暖，洗后不变形，会回购。'],
      ['送礼佳品', '买给妈妈的，她非常喜欢，包装也很用心。'],
    ],
    mixed: [
      ['不错，偏小', '面料不错，但需要换大一码。'],
      ['价格合理', '质量还可以，颜色比图片稍深。'],
      ['一般', '还行，就是配送比承诺的慢。'],
    ],
    negative: [
      ['有点失望', '洗了两次就开线了。电话退货很方便。'],
      ['与图片不符', '颜色和网站上差别很大，已经退回。'],
      ['太薄了', '这个价格来说比预期薄很多。'],
    ],
  },
  'zh-Hant': {
    positive: [
      ['非常合身', '尺碼標準，布料手感很好，下單兩天就到了。'],
      ['物超所值', '做工精細，收到後每週都穿。'],
      ['品質很好', '柔軟保暖，洗後不變形，會再回購。'],
      ['送禮首選', '買給媽媽的，她非常喜歡，包裝也很用心。'],
    ],
    mixed: [
      ['不錯，偏小', '布料不錯，但需要換大一號。'],
      ['價格合理', '品質還可以，顏色比照片稍深。'],
      ['普通', '還行，只是配送比承諾的慢。'],
    ],
    negative: [
      ['有點失望', '洗了兩次就脫線了。電話退貨很方便。'],
      ['與照片不符', '顏色和網站上差很多，已經退回。'],
      ['太薄了', '以這個價格來說比預期薄很多。'],
    ],
  },
};

/** Public replies of the shop to reviews (accountable reviews: the shop answers in public). */
export const REVIEW_REPLIES: Record<DemoLocale, readonly string[]> = {
  en: ['Thank you for your review! We are glad you like it.', 'We are sorry to hear that. Our team has contacted you about a free exchange.'],
  'zh-Hans': ['感谢您的评价！很高兴您喜欢。', '非常抱歉给您带来不便，我们的客服已联系您免费换货。'],
  'zh-Hant': ['感謝您的評價！很高興您喜歡。', '非常抱歉造成您的不便，我們的客服已聯繫您免費換貨。'],
};

type Category = 'product' | 'delivery' | 'service' | 'billing' | 'other';

export const COMPLAINTS: Record<DemoLocale, readonly { category: Category; subject: string; body: string }[]> = {
  en: [
    { category: 'delivery', subject: 'Parcel never arrived', body: 'My parcel was marked as delivered but never arrived.' },
    { category: 'product', subject: 'Broken zip on a new coat', body: 'The zip on my new coat broke on the first day.' },
    { category: 'billing', subject: 'Charged twice', body: 'I was charged twice for one order.' },
    { category: 'service', subject: 'No call-back about my return', body: 'Nobody called me back about my return although it was promised.' },
  ],
  'zh-Hans': [
    { category: 'delivery', subject: '包裹未收到', body: '包裹显示已签收，但我没有收到。' },
    { category: 'product', subject: '新大衣拉链损坏', body: '新大衣的拉链第一天就坏了。' },
    { category: 'billing', subject: '重复扣款', body: '同一个订单被扣款两次。' },
    { category: 'service', subject: '退货无人回电', body: '说好会回电处理退货，但一直没人联系我。' },
  ],
  'zh-Hant': [
    { category: 'delivery', subject: '包裹未收到', body: '包裹顯示已簽收，但我沒有收到。' },
    { category: 'product', subject: '新大衣拉鍊損壞', body: '新大衣的拉鍊第一天就壞了。' },
    { category: 'billing', subject: '重複扣款', body: '同一張訂單被扣款兩次。' },
    { category: 'other', subject: '積分未入帳', body: '會員積分沒有正確累計。' },
  ],
};

/** Why a moderator rejected a review (shown to the author, never published). */
export const REJECTION_REASONS: Record<DemoLocale, readonly string[]> = {
  en: ['Contains personal data (a phone number)', 'About delivery, not the product: forwarded to customer service'],
  'zh-Hans': ['包含个人信息（电话号码）', '内容与商品无关，已转交客服处理'],
  'zh-Hant': ['包含個人資料（電話號碼）', '內容與商品無關，已轉交客服處理'],
};

export const SURVEY_COMMENTS: Record<DemoLocale, readonly string[]> = {
  en: ['Fast delivery and easy returns.', 'The website could be quicker on mobile.', 'Friendly staff on the phone.'],
  'zh-Hans': ['配送快，退货方便。', '手机网站可以再快一点。', '电话客服很友好。'],
  'zh-Hant': ['配送快，退貨方便。', '手機網站可以再快一點。', '電話客服很親切。'],
};

/** The third party that runs satisfaction surveys (as in the members' club practice). */
export const SURVEYOR = 'Insight Panel Research (independent)';

export const OPPORTUNITY_TITLES = [
  'Spring collection wholesale order',
  'Staff uniforms 2027',
  'Corporate gift boxes',
  'Store-in-store concession',
  'Holiday window collection',
  'Hotel staff outerwear',
  'Event merchandise',
  'Loyalty partner programme',
] as const;

export const TAGS = ['newsletter', 'gift-buyer', 'early-adopter', 'returns-heavy', 'wholesale', 'vip', 'senior-member'] as const;

/** Benefits per loyalty tier (ordinary vs senior members, points redeemable for value). */
export const TIERS = [
  { name: 'Member', threshold: 0, benefits: ['1 point per €1 spent', 'Points redeemable for vouchers', 'Birthday gift'] },
  { name: 'Silver', threshold: 500, benefits: ['Free standard shipping', 'Early access to sales'] },
  { name: 'Gold', threshold: 1500, benefits: ['Free express shipping', 'Free 30-day returns collection'] },
  { name: 'Platinum', threshold: 3500, benefits: ['Personal stylist', 'Senior member events', 'Priority service line'] },
] as const;

export const STAGES = [
  { name: 'Lead', probability: 1000, kind: 'open' },
  { name: 'Qualified', probability: 2500, kind: 'open' },
  { name: 'Proposal', probability: 5000, kind: 'open' },
  { name: 'Negotiation', probability: 7500, kind: 'open' },
  { name: 'Won', probability: 10000, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

export const STAFF = [
  { name: 'Alex Morgan', role: 'admin' },
  { name: 'Priya Shah', role: 'manager' },
  { name: 'Tom Fletcher', role: 'sales' },
  { name: '陈美玲', role: 'sales' },
  { name: '林家豪', role: 'sales' },
  { name: 'Sarah Kim', role: 'support' },
  { name: '王磊', role: 'support' },
] as const;
