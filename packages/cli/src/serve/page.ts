/// <reference lib="dom" />
// GET /: the checking page for clerks who write replies in the hotline platform's web form. One
// self-contained HTML document (no CDN, no external file): paste a reply (and optionally the
// request and ticket fields), see the findings highlighted with message, source clause and fix,
// apply fixes, and see the ticket's deadlines. It calls the service's own /v1/check and /v1/deadlines.
// User text is only ever put into the page with textContent.

export interface PageOptions {
  profiles: readonly string[];
  defaultProfile: string;
  version: string;
  /** The service requires a bearer token: the page asks for it. */
  token: boolean;
}

const TYPES: [string, string][] = [
  ['', '（未指定）'],
  ['consultation', '咨询'],
  ['complex-consultation', '复杂咨询'],
  ['help', '求助'],
  ['complaint', '投诉'],
  ['report', '举报'],
  ['suggestion', '建议'],
  ['emergency', '应急'],
  ['incident', '突发'],
];

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1f2328;background:#f6f8fa}
header{background:#1f4e79;color:#fff;padding:10px 20px;display:flex;align-items:baseline;gap:12px}
header h1{font-size:18px;margin:0}
header span{opacity:.8;font-size:13px}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;padding:16px 20px;max-width:1400px;margin:0 auto}
@media (max-width:900px){main{grid-template-columns:1fr}}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 14px}
h2{font-size:15px;margin:0 0 8px}
label{display:block;font-size:13px;color:#57606a;margin:8px 0 2px}
textarea,input,select{font:inherit;width:100%;border:1px solid #d0d7de;border-radius:4px;padding:6px 8px;background:#fff}
textarea#reply{min-height:320px;resize:vertical}
textarea#request{min-height:70px;resize:vertical}
.row{display:grid;grid-template-columns:1fr 1fr 1fr;gap:8px}
details{margin-top:8px}
summary{cursor:pointer;color:#0969da;font-size:14px}
.actions{display:flex;gap:8px;margin-top:10px;align-items:center;flex-wrap:wrap}
button{font:inherit;border:1px solid #1f4e79;background:#1f4e79;color:#fff;border-radius:4px;padding:4px 12px;cursor:pointer}
button.secondary{background:#fff;color:#1f4e79}
button:disabled{opacity:.5;cursor:default}
#verdict{padding:8px 10px;border-radius:4px;margin-bottom:8px;font-weight:600}
#verdict.ok{background:#dafbe1;color:#116329}
#verdict.bad{background:#ffebe9;color:#a40e26}
#verdict.warn{background:#fff8c5;color:#7d4e00}
#verdict.idle{background:#eaeef2;color:#57606a;font-weight:400}
#preview{white-space:pre-wrap;word-break:break-all;border:1px solid #eaeef2;border-radius:4px;padding:8px;max-height:260px;overflow:auto;background:#fbfcfd}
mark{background:none;border-bottom:2px solid #d4a72c;cursor:pointer}
mark.error{border-bottom:2px solid #cf222e;background:#ffebe933}
mark.active{background:#fff8c5}
ol#findings{padding-left:0;list-style:none;margin:8px 0 0}
ol#findings li{border-top:1px solid #eaeef2;padding:8px 2px}
ol#findings li.active{background:#fff8c5}
.sev{display:inline-block;font-size:12px;border-radius:3px;padding:0 6px;margin-right:6px;color:#fff}
.sev.error{background:#cf222e}.sev.warning{background:#9a6700}
.meta{font-size:12px;color:#57606a;margin-top:2px}
.meta a{color:#0969da}
.fixes{margin-top:4px;display:flex;gap:6px;flex-wrap:wrap}
.fixes button{font-size:12px;padding:1px 8px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #eaeef2;text-align:left;padding:4px 6px;vertical-align:top}
td.overdue{color:#cf222e;font-weight:600}
.note{font-size:12px;color:#57606a}
#status{font-size:13px;color:#57606a}
`;

// The page's script (plain ES2020, no build step). Kept as a function so that the TypeScript
// compiler at least parses it; it is serialised with toString().
function script(): void {
  const $ = (id: string) => document.getElementById(id) as HTMLElement & HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;
  const reply = $('reply');
  type Fix = { range: [number, number]; text: string };
  type Finding = {
    ruleId: string;
    title?: string;
    severity: 'error' | 'warning';
    message: string;
    source?: string;
    docs?: string;
    offset: number;
    length: number;
    line: number;
    column: number;
    inText: boolean;
    fix?: Fix;
    suggestions?: { desc: string; fix: Fix }[];
  };
  let last: { text: string; findings: Finding[] } | undefined;
  let timer: number | undefined;
  let seq = 0;

  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { 'Content-Type': 'application/json' };
    const tokenInput = document.getElementById('token') as HTMLInputElement | null;
    if (tokenInput && tokenInput.value.trim()) h.Authorization = `Bearer ${tokenInput.value.trim()}`;
    return h;
  };
  const wallClock = (v: string) => (v ? v.replace('T', ' ') : undefined);
  const meta = (): Record<string, unknown> => {
    const m: Record<string, unknown> = {};
    if ($('type').value) m.type = $('type').value;
    if ($('request').value.trim()) m.request = $('request').value;
    if ($('dispatched').value) m.dispatchedAt = wallClock($('dispatched').value);
    if ($('anonymous').checked) m.anonymous = true;
    return m;
  };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(path, { method: 'POST', headers: headers(), body: JSON.stringify(body) });
    const data = await res.json().catch(() => ({ message: `服务返回 ${res.status}` }));
    if (!res.ok) throw new Error(data.message || `服务返回 ${res.status}`);
    return data;
  };
  const setStatus = (s: string) => {
    $('status').textContent = s;
  };

  function render(text: string, findings: Finding[]) {
    const verdict = $('verdict');
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    verdict.className = errors ? 'bad' : warnings ? 'warn' : 'ok';
    verdict.textContent = errors
      ? `有 ${errors} 个错误${warnings ? `、${warnings} 个警告` : ''}：修改后再提交`
      : warnings
        ? `没有错误，有 ${warnings} 个警告：可以提交，建议先看一看`
        : '未发现问题：可以提交';
    // preview with marks (boundaries of every range; the most severe finding colours a piece)
    const preview = $('preview');
    preview.textContent = '';
    const cuts = new Set<number>([0, text.length]);
    findings.forEach((f) => {
      if (f.inText && f.length > 0) {
        cuts.add(f.offset);
        cuts.add(f.offset + f.length);
      }
    });
    const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i]!;
      const e = points[i + 1]!;
      const piece = text.slice(s, e);
      const covering = findings.map((f, n) => [f, n] as const).filter(([f]) => f.inText && f.length > 0 && f.offset <= s && f.offset + f.length >= e);
      if (!covering.length) {
        preview.appendChild(document.createTextNode(piece));
        continue;
      }
      const mark = document.createElement('mark');
      mark.textContent = piece;
      if (covering.some(([f]) => f.severity === 'error')) mark.className = 'error';
      mark.dataset.findings = covering.map(([, n]) => n).join(',');
      mark.title = covering.map(([f]) => f.message).join('\n');
      mark.addEventListener('click', () => select(Number(covering[0]![1])));
      preview.appendChild(mark);
    }
    // the list
    const list = $('findings');
    list.textContent = '';
    findings.forEach((f, n) => {
      const li = document.createElement('li');
      li.dataset.index = String(n);
      const sev = document.createElement('span');
      sev.className = `sev ${f.severity}`;
      sev.textContent = f.severity === 'error' ? '错误' : '警告';
      li.appendChild(sev);
      const msg = document.createElement('span');
      msg.className = 'msg';
      msg.textContent = f.message;
      li.appendChild(msg);
      const m = document.createElement('div');
      m.className = 'meta';
      m.appendChild(document.createTextNode(`${f.inText ? `第 ${f.line} 行第 ${f.column} 列 · ` : '工单信息 · '}${f.title ? `${f.title}（${f.ruleId}）` : f.ruleId}`));
      if (f.docs) {
        const a = document.createElement('a');
        a.href = f.docs;
        a.target = '_blank';
        a.textContent = '（规则说明）';
        m.appendChild(a);
      }
      if (f.source) m.appendChild(document.createTextNode(` · 依据：${f.source}`));
      li.appendChild(m);
      const fixes = document.createElement('div');
      fixes.className = 'fixes';
      const offer = (label: string, fix: Fix) => {
        const b = document.createElement('button');
        b.className = 'secondary';
        b.textContent = label;
        b.addEventListener('click', () => applyFix(fix));
        fixes.appendChild(b);
      };
      if (f.fix) offer('修复', f.fix);
      (f.suggestions || []).forEach((s) => offer(s.desc, s.fix));
      if (fixes.childElementCount) li.appendChild(fixes);
      li.addEventListener('click', (ev) => {
        if ((ev.target as HTMLElement).tagName !== 'BUTTON' && (ev.target as HTMLElement).tagName !== 'A') select(n);
      });
      list.appendChild(li);
    });
    ($('fixAll') as HTMLButtonElement).disabled = !findings.some((f) => f.fix);
  }

  function select(n: number) {
    document.querySelectorAll('.active').forEach((el) => el.classList.remove('active'));
    document.querySelectorAll('mark').forEach((el) => {
      if ((el as HTMLElement).dataset.findings?.split(',').includes(String(n))) el.classList.add('active');
    });
    const li = document.querySelector(`#findings li[data-index="${n}"]`);
    if (li) {
      li.classList.add('active');
      li.scrollIntoView({ block: 'nearest' });
    }
    const f = last?.findings[n];
    if (f && f.inText) {
      reply.focus();
      reply.setSelectionRange(f.offset, f.offset + f.length);
    }
  }

  function applyFix(fix: Fix) {
    if (!last || reply.value !== last.text) {
      setStatus('答复已改动，请重新检查后再修复');
      return;
    }
    reply.value = reply.value.slice(0, fix.range[0]) + fix.text + reply.value.slice(fix.range[1]);
    void check();
  }

  async function check(fixAll = false) {
    const text = reply.value;
    const n = ++seq;
    if (!text.trim()) {
      $('verdict').className = 'idle';
      $('verdict').textContent = '在左侧粘贴或输入答复，即可检查';
      $('findings').textContent = '';
      $('preview').textContent = '';
      return;
    }
    setStatus('检查中…');
    try {
      const body: Record<string, unknown> = { text, meta: meta(), profile: $('profile').value, format: $('format').value };
      if (fixAll) body.fix = true;
      const r = await post('/v1/check', body);
      if (n !== seq) return; // a newer check is on its way
      let shown = text;
      if (fixAll && typeof r.output === 'string') {
        reply.value = r.output;
        shown = r.output;
      }
      last = { text: shown, findings: r.diagnostics };
      render(shown, r.diagnostics);
      setStatus(`规则配置 ${r.profile} · ${new Date().toLocaleTimeString('zh-CN')}`);
    } catch (e) {
      if (n === seq) setStatus(`检查失败：${(e as Error).message}`);
    }
    void deadlines();
  }

  async function deadlines() {
    const box = $('deadlines');
    const dispatched = $('dispatched').value;
    if (!dispatched) {
      box.textContent = '填写派单时间后显示各项时限。';
      return;
    }
    try {
      const body: Record<string, unknown> = { dispatchedAt: wallClock(dispatched), profile: $('profile').value, at: new Date().toISOString() };
      if ($('type').value) body.type = $('type').value;
      const r = await post('/v1/deadlines', body);
      box.textContent = '';
      const t = document.createElement('table');
      const head = t.insertRow();
      ['事项', '截止时间', '剩余', '出处'].forEach((h) => {
        const th = document.createElement('th');
        th.textContent = h;
        head.appendChild(th);
      });
      for (const d of r.deadlines) {
        const row = t.insertRow();
        row.insertCell().textContent = d.name;
        row.insertCell().textContent = d.due ? d.due.slice(0, 16).replace('T', ' ') : '未规定';
        const left = row.insertCell();
        left.textContent = d.timeLeft ? d.timeLeft.text : '—';
        if (d.timeLeft?.overdue) left.className = 'overdue';
        row.insertCell().textContent = d.source;
      }
      box.appendChild(t);
      const note = document.createElement('p');
      note.className = 'note';
      note.textContent = `${r.document}${r.provisional ? ` · ${r.provisional.text}` : ''}`;
      box.appendChild(note);
    } catch (e) {
      box.textContent = `无法计算时限：${(e as Error).message}`;
    }
  }

  const later = () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void check(), 500);
  };
  reply.addEventListener('input', later);
  ['request', 'type', 'dispatched', 'anonymous', 'profile', 'format'].forEach((id) => $(id).addEventListener('change', later));
  $('check').addEventListener('click', () => void check());
  $('fixAll').addEventListener('click', () => void check(true));
  void check();
}

export function renderPage(o: PageOptions): string {
  const profiles = o.profiles.map((p) => `<option value="${esc(p)}"${p === o.defaultProfile ? ' selected' : ''}>${esc(p)}</option>`).join('');
  const types = TYPES.map(([v, n]) => `<option value="${v}">${n}</option>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,"><title>答复质检 · replylint</title><style>${STYLE}</style></head>
<body>
<header><h1>答复质检</h1><span>提交答复前检查：办理要素、推诿敷衍、政策引用、办理时限 · replylint ${esc(o.version)}</span></header>
<main>
<section>
<h2>答复</h2>
<textarea id="reply" spellcheck="false" placeholder="在此粘贴或输入答复全文"></textarea>
<details open><summary>工单信息（可选，填写后检查更准）</summary>
<label for="request">诉求内容</label><textarea id="request" placeholder="来电或留言的诉求内容，用于判断答复是否切题"></textarea>
<div class="row">
<div><label for="type">诉求类型</label><select id="type">${types}</select></div>
<div><label for="dispatched">派单时间</label><input id="dispatched" type="datetime-local"></div>
<div><label for="profile">规则配置</label><select id="profile">${profiles}</select></div>
</div>
<div class="row">
<div><label for="format">文本格式</label><select id="format"><option value="text" selected>纯文本（平台表单）</option><option value="markdown">Markdown</option></select></div>
<div><label><input id="anonymous" type="checkbox" style="width:auto"> 匿名诉求</label></div>
${o.token ? '<div><label for="token">访问令牌</label><input id="token" type="password" autocomplete="off"></div>' : '<div></div>'}
</div>
</details>
<div class="actions"><button id="check">检查</button><button id="fixAll" class="secondary" disabled>全部自动修复</button><span id="status"></span></div>
</section>
<section>
<h2>检查结果</h2>
<div id="verdict" class="idle">在左侧粘贴或输入答复，即可检查</div>
<div id="preview" aria-label="答复中标出的问题"></div>
<ol id="findings"></ol>
<h2 style="margin-top:14px">办理时限</h2>
<div id="deadlines">填写派单时间后显示各项时限。</div>
</section>
</main>
<script>(${script.toString()})();</script>
</body></html>`;
}
