import type { BoardToolsTexts } from './tools-texts.js';

const zhHant: BoardToolsTexts = {
  $lang: 'zh-Hant',
  help: '按空白鍵或 Enter 鍵拿起商機，用方向鍵在欄和位置之間移動，再按空白鍵或 Enter 鍵放下，按 Esc 取消。使用手指時拖曳把手 ⠿，使用滑鼠時拖曳卡片。按一下可開啟商機。',
  lifted: (title, stage, position, count) => `已拿起「${title}」，位於${stage}，第 ${position} 個，共 ${count} 個。用方向鍵移動，按空白鍵或 Enter 鍵放下，按 Esc 取消。`,
  moved: (title, stage, position, count) => `已將「${title}」移到${stage}，第 ${position} 個，共 ${count} 個`,
  dropped: (title, stage, position, count) => `已將「${title}」放在${stage}，第 ${position} 個，共 ${count} 個。`,
  stays: (title, stage, position, count) => `「${title}」仍在${stage}，第 ${position} 個，共 ${count} 個。`,
  cancelled: (title, stage, position, count) => `已取消移動：「${title}」回到${stage}，第 ${position} 個，共 ${count} 個。`,
  pending: '待傳送',
  queued: (title) => `您已離線：「${title}」的移動已儲存，恢復連線後將傳送。`,
  conflict: (title) => `「${title}」已被他人修改，因此您的移動已撤銷。看板現在顯示最新資料。`,
  notAllowed: (title, stage) => `您無權移動商機，因此「${title}」已回到${stage}。需要有權修改商機的員工登入。`,
  refused: (title, stage, reason) => `無法移動「${title}」（${reason}），因此已回到${stage}。`,
  busy: (title) => `「${title}」的上一次移動尚未儲存，請稍候。`,
  sort: { label: (stage) => `排序${stage}`, rank: '看板順序', amount: '金額', close: '預計成交日期' },
  sorted: (by) => `已按${by}排序：此欄內不能調整順序。選擇「看板順序」即可調整。`,
  sortedAttempt: (stage, by) => `${stage}已按${by}排序：商機可以移到其他欄，但不能在此欄內調整順序。選擇「看板順序」即可調整。`,
  filters: { label: '篩選', owner: '負責人', everyone: '所有人', noOwner: '無負責人', search: '搜尋商機' },
  colleague: (n) => `同事 ${n}`,
  filtered: (shown, total) => `顯示 ${shown} / ${total} 個商機：各欄合計僅統計顯示的商機。`,
  customerOnly: '僅顯示此客戶的商機：各欄合計僅統計這些商機。',
};

export default zhHant;
