import type { BoardToolsTexts } from './tools-texts.js';

const zhHans: BoardToolsTexts = {
  $lang: 'zh-Hans',
  help: '按空格键或回车键拿起商机，用方向键在列和位置之间移动，再按空格键或回车键放下，按 Esc 取消。使用手指时拖动手柄 ⠿，使用鼠标时拖动卡片。单击可打开商机。',
  lifted: (title, stage, position, count) => `已拿起“${title}”，位于${stage}，第 ${position} 个，共 ${count} 个。用方向键移动，按空格键或回车键放下，按 Esc 取消。`,
  moved: (title, stage, position, count) => `已将“${title}”移到${stage}，第 ${position} 个，共 ${count} 个`,
  dropped: (title, stage, position, count) => `已将“${title}”放在${stage}，第 ${position} 个，共 ${count} 个。`,
  stays: (title, stage, position, count) => `“${title}”仍在${stage}，第 ${position} 个，共 ${count} 个。`,
  cancelled: (title, stage, position, count) => `已取消移动：“${title}”回到${stage}，第 ${position} 个，共 ${count} 个。`,
  pending: '待发送',
  queued: (title) => `您已离线：“${title}”的移动已保存，恢复连接后将发送。`,
  conflict: (title) => `“${title}”已被他人修改，因此您的移动已撤销。看板现在显示最新数据。`,
  notAllowed: (title, stage) => `您无权移动商机，因此“${title}”已回到${stage}。需要有权修改商机的员工登录。`,
  refused: (title, stage, reason) => `无法移动“${title}”（${reason}），因此已回到${stage}。`,
  busy: (title) => `“${title}”的上一次移动尚未保存，请稍候。`,
  sort: { label: (stage) => `排序${stage}`, rank: '看板顺序', amount: '金额', close: '预计成交日期' },
  sorted: (by) => `已按${by}排序：此列内不能调整顺序。选择“看板顺序”即可调整。`,
  sortedAttempt: (stage, by) => `${stage}已按${by}排序：商机可以移到其他列，但不能在此列内调整顺序。选择“看板顺序”即可调整。`,
  filters: { label: '筛选', owner: '负责人', everyone: '所有人', noOwner: '无负责人', search: '搜索商机' },
  colleague: (n) => `同事 ${n}`,
  filtered: (shown, total) => `显示 ${shown} / ${total} 个商机：各列合计仅统计显示的商机。`,
  customerOnly: '仅显示此客户的商机：各列合计仅统计这些商机。',
};

export default zhHans;
