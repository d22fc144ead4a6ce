// Request and response schemas of the HTTP service (zod): requests are validated with them and
// /openapi.json is generated from them, so the description a platform integrates from is the one
// the service enforces.
import { z } from 'zod';

const FORMAT = z.enum(['markdown', 'text']).describe('markdown（默认）或 text：纯文本（平台表单、表格单元格），缩进、#、* 和 > 按原样理解');

/** Ticket metadata: English keys or Chinese aliases, as in front matter (docs/metadata.md). */
const META = z
  .record(z.string(), z.unknown())
  .describe('工单元数据，键同答复文件头：type 诉求类型、request 诉求内容、dispatchedAt 派单时间、repliedAt 答复时间、citizen 诉求人、handler 承办人、anonymous 匿名……中文键名亦可');

export const checkItemSchema = z
  .object({
    id: z.union([z.string().max(200), z.number()]).optional().describe('调用方的编号（工单编号等），原样返回'),
    text: z.string().describe('答复全文'),
    meta: META.optional(),
    profile: z.string().max(100).optional().describe('规则配置，如 recommended、suqian、suzhou-jkq；缺省用服务的默认配置'),
    format: FORMAT.optional(),
    fix: z.boolean().optional().describe('为 true 时应用全部可自动修复项，结果中 output 为修复后的全文'),
    now: z.string().max(64).optional().describe('评估时刻（ISO 8601，如 2024-10-12T09:00:00+08:00），缺省为收到请求的时刻'),
  })
  .strict();

export const checkBodySchema = z.union([
  checkItemSchema,
  z
    .object({
      items: z.array(checkItemSchema).min(1).describe('多条答复，逐条检查，结果按顺序返回'),
      profile: z.string().max(100).optional().describe('各条的默认规则配置'),
    })
    .strict(),
]);

const RANGE = z.tuple([z.number().int(), z.number().int()]).describe('[起, 止) UTF-16 偏移');
const FIX = z.object({ range: RANGE, text: z.string() });

export const diagnosticSchema = z.object({
  ruleId: z.string(),
  title: z.string().optional().describe('规则的简称（如“结尾署名不全”），给人看；ruleId 给程序和配置用'),
  severity: z.enum(['error', 'warning']),
  messageId: z.string(),
  message: z.string().describe('中文说明；其中的个人号码和姓名已打码'),
  source: z.string().optional().describe('依据条款'),
  docs: z.string().optional().describe('规则说明页（本服务的 /docs/rules/<规则>）'),
  offset: z.number().int().describe('起始 UTF-16 偏移'),
  length: z.number().int(),
  line: z.number().int().describe('从 1 起'),
  column: z.number().int().describe('从 1 起，按 UTF-16 单元'),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  metaKey: z.string().optional().describe('问题所在的元数据字段（该字段以数据传入时 inText 为 false）'),
  inText: z.boolean(),
  fix: FIX.optional().describe('可自动应用的修改'),
  suggestions: z.array(z.object({ desc: z.string(), fix: FIX })).optional().describe('需人工确认的改法'),
  covers: z.array(z.string()).optional().describe('同一问题另有这些规则也查出，只在此报告一次'),
  related: z
    .array(z.object({ offset: z.number().int(), length: z.number().int(), line: z.number().int(), column: z.number().int(), message: z.string() }))
    .optional()
    .describe('相关位置：covers 中的规则各自指出的位置和说明'),
});

export const checkResultSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  accept: z.boolean().describe('无错误级问题时为 true：可以受理这份答复'),
  profile: z.string(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  diagnostics: z.array(diagnosticSchema),
  output: z.string().optional().describe('fix 为 true 且有修改时：修复后的全文'),
});

export const checkManySchema = z.object({
  accept: z.boolean().describe('每一条都可受理时为 true'),
  results: z.array(checkResultSchema),
});

export const deadlineBodySchema = z
  .object({
    dispatchedAt: z.string().max(64).describe('派单时间，如 2024-09-27T10:00:00+08:00 或 2024-09-27 10:00（北京时间）'),
    type: z.string().max(40).optional().describe('诉求类型：complaint、consultation……或中文名（投诉、咨询）'),
    profile: z.string().max(100).optional().describe('规则配置（时限表），缺省用服务的默认配置'),
    at: z.string().max(64).optional().describe('按此时刻给出各时限的剩余或逾期时间'),
    extension: z
      .object({ approvedAt: z.string().max(64).optional(), until: z.string().max(64).optional() })
      .strict()
      .optional()
      .describe('延期：批准时间、延期至'),
  })
  .strict();

export const redactBodySchema = z
  .object({
    text: z.string().describe('答复全文'),
    meta: META.optional(),
    format: FORMAT.optional(),
    keepPhones: z.array(z.string().max(40)).max(100).optional().describe('不打码的公开电话（单位服务热线等），写法不限'),
  })
  .strict();

export const redactResultSchema = z.object({
  text: z.string().describe('公开版本：除下列位置外与原文逐字相同'),
  redactions: z
    .array(
      z.object({
        kind: z.enum(['handler-name', 'requester-name', 'phone', 'requester-phone', 'id-card', 'bank-card']),
        range: RANGE,
        line: z.number().int(),
        column: z.number().int(),
        masked: z.string().describe('替换后的文字（如 王*、0527-8436****）'),
      }),
    )
    .describe('按原文顺序、互不重叠；range 为原文中的位置'),
  notes: z.array(z.string()).optional().describe('不影响打码的元数据问题（如派单时间写法有误）'),
});

export const errorSchema = z.object({
  error: z.string().describe('错误类别，如 invalid-request、payload-too-large、unauthorized'),
  message: z.string().describe('中文说明：哪里有误、应当怎样'),
});

export type CheckItemBody = z.infer<typeof checkItemSchema>;
export type CheckBody = z.infer<typeof checkBodySchema>;
export type DeadlineBody = z.infer<typeof deadlineBodySchema>;
export type RedactBody = z.infer<typeof redactBodySchema>;
export type ApiDiagnostic = z.infer<typeof diagnosticSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
