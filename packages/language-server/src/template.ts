// The reply template: every element the documents require of a reply (SPEC §3.1, §3.2), as an editor
// snippet with placeholders, the signature filled from the handler settings.
import type { HandlerSettings } from './settings.js';

/** Escapes text for a snippet (`$`, `}` and `\` are snippet syntax). */
const lit = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);

export function replySnippet(handler: HandlerSettings, anning = false): string {
  const name = handler.name ? lit(handler.name) : '${20:承办人姓名}';
  const unit = handler.unit ? lit(handler.unit) : '${21:承办单位全称}';
  const phone = handler.phone ? lit(handler.phone) : '${22:联系电话（含区号）}';
  const lines = [
    '${1:称呼}：',
    '',
    '您好！您反映的${2:诉求事项}问题，办理情况答复如下。',
    '',
    '经查，${3:核查了什么、查明的事实}。${4:采取的措施和处理结果}。',
    '',
    '依据《${5:文件名称}》（${6:发文字号，如 宿政办发〔2024〕12号}）第${7:条款}，${8:处理依据的具体内容}。',
    '',
    `\${9:2024年9月25日10时}，承办人${name}\${10:电话联系}了您，\${11:告知了核查结果和处理措施，并约定……}。您对办理结果表示\${12|满意,基本满意,不满意|}。`,
  ];
  if (anning) lines.push('', '责任人：${13:姓名}，完成时限：${14:日期}，具体措施：${15:措施}。');
  lines.push('', `承办单位：${unit}`, `承办人：${name}`, `联系电话：${phone}`, '');
  return lines.join('\n');
}

/** The closing signature lines (for the "insert signature" fix): undefined when no handler is set. */
export function signatureLines(handler: HandlerSettings): string[] | undefined {
  if (!handler.name && !handler.unit && !handler.phone) return undefined;
  return [
    ...(handler.unit ? [`承办单位：${handler.unit}`] : []),
    ...(handler.name ? [`承办人：${handler.name}`] : []),
    ...(handler.phone ? [`联系电话：${handler.phone}`] : []),
  ];
}
