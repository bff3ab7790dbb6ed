/** Name pools of the demo customers, one per locale (en, zh-Hans, zh-Hant). */

export type DemoLocale = 'en' | 'zh-Hans' | 'zh-Hant';

export const EN_FIRST = [
  'Olivia', 'James', 'Amelia', 'Oliver', 'Isla', 'Harry', 'Ava', 'George', 'Emily', 'Noah', 'Sophie', 'Jack',
  'Grace', 'Leo', 'Chloe', 'Thomas', 'Lucy', 'Oscar', 'Hannah', 'William', 'Ella', 'Henry', 'Mia', 'Samuel',
  'Charlotte', 'Daniel', 'Ruby', 'Arthur', 'Freya', 'Edward',
] as const;
export const EN_LAST = [
  'Bennett', 'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hughes',
  'Edwards', 'Turner', 'Parker', 'Collins', 'Morris', 'Cooper', 'Ward', 'Price',
] as const;

/** Simplified Chinese: family name first, no space. */
export const HANS_FAMILY = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'] as const;
export const HANS_GIVEN = [
  '芳', '娜', '伟', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '平',
  '建华', '志强', '桂英', '玉兰', '晓明', '欣怡', '子涵', '浩然', '雨桐', '梓萱',
] as const;

/** Traditional Chinese (Taiwan, Hong Kong): family name first, no space. */
export const HANT_FAMILY = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾', '邱', '廖', '賴', '周'] as const;
export const HANT_GIVEN = [
  '志明', '淑芬', '美玲', '家豪', '怡君', '俊傑', '雅婷', '建宏', '淑惠', '冠宇', '宗翰', '佳穎', '承恩', '詩涵', '文雄',
  '麗華', '國華', '秀蘭', '嘉欣', '偉倫', '凱文', '思妤', '柏翰', '婉婷', '子軒',
] as const;

/** Names every demo must show (they are the examples in the docs). */
export const FIXED_NAMES: Record<DemoLocale, readonly string[]> = {
  en: ['James Carter', 'Emily Clarke'],
  'zh-Hans': ['王芳', '李娜'],
  'zh-Hant': ['陳志明', '黃淑芬'],
};

/** Organisation customers (with contact persons), per locale. */
export const ORGANISATIONS: readonly { name: string; locale: DemoLocale }[] = [
  { name: 'Northwind Boutiques Ltd', locale: 'en' },
  { name: 'Harbour & Hale Outfitters', locale: 'en' },
  { name: 'Bluebell Hotel Group', locale: 'en' },
  { name: 'Meridian Events plc', locale: 'en' },
  { name: '上海锦绣服饰有限公司', locale: 'zh-Hans' },
  { name: '杭州云裳贸易有限公司', locale: 'zh-Hans' },
  { name: '北京华彩礼品有限公司', locale: 'zh-Hans' },
  { name: '深圳优品商贸有限公司', locale: 'zh-Hans' },
  { name: '台北晨光百貨股份有限公司', locale: 'zh-Hant' },
  { name: '高雄海風精品有限公司', locale: 'zh-Hant' },
  { name: '香港信和時裝有限公司', locale: 'zh-Hant' },
  { name: '台中綠意生活有限公司', locale: 'zh-Hant' },
];

/** Roles of contact persons at organisations, per locale. */
export const CONTACT_ROLES: Record<DemoLocale, readonly string[]> = {
  en: ['Head buyer', 'Chief financial officer', 'Office manager', 'Purchasing assistant'],
  'zh-Hans': ['采购经理', '财务总监', '行政主管', '采购专员'],
  'zh-Hant': ['採購經理', '財務長', '行政主管', '採購專員'],
};
