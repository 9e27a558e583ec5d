<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Village inspection workbench</source>
        <translation>村（社区）巡察工作台</translation>
    </message>
    <message>
        <source>open a demo round offscreen, visit every main screen and exit</source>
        <translation>在后台打开演示轮次，逐一打开各主要界面后退出</translation>
    </message>
    <message>
        <source>interface language (default: Chinese)</source>
        <translation>界面语言（默认：中文）</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本并退出</translation>
    </message>
    <message>
        <source>with --version: also every library and its version</source>
        <translation>与 --version 一起使用：同时列出每个依赖库及其版本</translation>
    </message>
    <message>
        <source>Created {path}: {n} records</source>
        <translation>已创建 {path}：{n} 条记录</translation>
    </message>
    <message>
        <source>Writing {step}</source>
        <translation>正在写入 {step}</translation>
    </message>
    <message>
        <source>{n} revisions in {s:.1f} s</source>
        <translation>共 {n} 条修订，用时 {s:.1f} 秒</translation>
    </message>
    <message>
        <source>State digest: {d}</source>
        <translation>状态摘要：{d}</translation>
    </message>
    <message>
        <source>Revisions: {n}</source>
        <translation>修订数：{n}</translation>
    </message>
    <message>
        <source>Totals: {villages} villages, {findings} findings, {suggestions} suggestions, {rules_improved} rules improved, {clues} clues</source>
        <translation>合计：村（社区）{villages} 个，问题 {findings} 个，整改意见建议 {suggestions} 条，完善制度 {rules_improved} 项，问题线索 {clues} 条</translation>
    </message>
    <message>
        <source>OK: {r} revisions and {b} attachments verified</source>
        <translation>校验通过：{r} 条修订、{b} 个附件</translation>
    </message>
    <message>
        <source>{n} problems found</source>
        <translation>发现 {n} 个问题</translation>
    </message>
    <message>
        <source>Read intact: {r} revisions and {f} files; lost: {u} unreadable ranges of the log, {x} revisions whose ancestor or file is lost{more}. `xuncha salvage {db} NEW.db` copies everything intact into a new file</source>
        <translation>完好可读：{r} 条修订、{f} 个文件；丢失：日志中 {u} 段无法读取，{x} 条修订的前序修订或文件已丢失{more}。`xuncha salvage {db} 新文件.db` 可将完好的内容全部复制到新文件</translation>
    </message>
    <message>
        <source>, {what}</source>
        <translation>，{what}</translation>
    </message>
    <message>
        <source>The newest backup that checks clean: {path}</source>
        <translation>校验通过的最新备份：{path}</translation>
    </message>
    <message>
        <source>No backup beside it checks clean</source>
        <translation>旁边没有校验通过的备份</translation>
    </message>
    <message>
        <source>Salvaged into {out}: {r} revisions and {f} files; lost: {u} unreadable ranges of the log, {x} revisions whose ancestor or file is lost{more}. Check it, then merge the other laptops&apos; exchange files into it to bring back what they hold</source>
        <translation>已抢救到 {out}：{r} 条修订、{f} 个文件；丢失：日志中 {u} 段无法读取，{x} 条修订的前序修订或文件已丢失{more}。请先校验新文件，再将其他电脑的交换文件合并进来，找回它们持有的内容</translation>
    </message>
    <message>
        <source>Exported {n} revisions and {b} attachments to {path}</source>
        <translation>已导出 {n} 条修订、{b} 个附件到 {path}</translation>
    </message>
    <message>
        <source>{name} signed this file on device {device}, certificate {fingerprint}. Ask them to read the fingerprint their laptop shows (xuncha devices); if it is the same, enrol with --fingerprint and the first characters they read</source>
        <translation>{name} 在设备 {device} 上签署了此文件，证书指纹 {fingerprint}。请对方读出其笔记本显示的指纹（xuncha devices）；一致时，用 --fingerprint 加上读出的前几位登记</translation>
    </message>
    <message>
        <source>Enrolled {name}&apos;s device (certificate {fingerprint}); merge its files again</source>
        <translation>已登记 {name} 的设备（证书指纹 {fingerprint}）；请重新合并其文件</translation>
    </message>
    <message>
        <source>founded the round</source>
        <translation>建立本轮</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>--template takes no ballot sheet</source>
        <translation>--template 不需要选票录入表</translation>
    </message>
    <message>
        <source>--pdf and --xlsx need a ballot sheet, not --template</source>
        <translation>--pdf 和 --xlsx 需要选票录入表，不能与 --template 同用</translation>
    </message>
    <message>
        <source>Wrote the template {path}</source>
        <translation>已生成录入表 {path}</translation>
    </message>
    <message>
        <source>give a ballot sheet and --issued N, or --template</source>
        <translation>请给出选票录入表和 --issued N，或使用 --template</translation>
    </message>
    <message>
        <source>--issued and --expected cannot be negative</source>
        <translation>--issued 和 --expected 不能为负数</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>Wrote {n} ballots ({first} to {last}) on {pages} pages: {path}</source>
        <translation>已生成 {n} 张测评票（编号 {first} 至 {last}），共 {pages} 页：{path}</translation>
    </message>
    <message>
        <source>A ballot does not fit in half a page: one ballot per page.</source>
        <translation>半页放不下一张测评票，已改为每页一张。</translation>
    </message>
    <message>
        <source>Wrote the public posting {path}: {n} villages, {pages} pages, unsigned and with nothing attached</source>
        <translation>已生成张榜公布文件 {path}：{n} 个村（社区），共 {pages} 页，未签名、不含附件</translation>
    </message>
    <message>
        <source>Wrote the signed packet {path}: number {number}, {pages} pages, {n} evidence files</source>
        <translation>已生成并签名移交材料 {path}：编号 {number}，共 {pages} 页，证据文件 {n} 个</translation>
    </message>
    <message>
        <source>OK: every signature is intact, the last one covers the whole file, and the {n} evidence files match the manifest</source>
        <translation>核验通过：各签名完好，最后一个签名覆盖整个文件，{n} 个证据文件与清单一致</translation>
    </message>
    <message>
        <source>Intact, but the signer was NOT checked against a certificate you trust (--allow-untrusted): every signature is intact, the last one covers the whole file, and the {n} evidence files match the manifest</source>
        <translation>完好，但签名人未经您信任的证书核验（--allow-untrusted）：每个签名都完好，最后一个签名覆盖整个文件，{n} 个证据文件与清单一致</translation>
    </message>
    <message>
        <source>NOT TRUSTED: the packet is intact, but its signer does not lead to any --trust certificate, and anyone can make a signing key under any name. Give the signer&apos;s certificate with --trust CERT.pem, or accept the packet unchecked with --allow-untrusted</source>
        <translation>不可信：材料包完好，但签名人不能追溯到任何 --trust 证书，而任何人都能以任意姓名生成签名密钥。请用 --trust CERT.pem 提供签名人的证书，或用 --allow-untrusted 在不核验的情况下接受该材料包</translation>
    </message>
    <message>
        <source>NOT TRUSTED: the packet is intact, but its signer was not checked against a certificate you trust, and anyone can make a signing key under any name. Check it with --trust CERT.pem (the certificate the signer or their issuer gave you), or accept the packet unchecked with --allow-untrusted</source>
        <translation>不可信：材料包完好，但签名人未经您信任的证书核验，而任何人都能以任意姓名生成签名密钥。请用 --trust CERT.pem（签名人或其签发机构交给您的证书）核验，或用 --allow-untrusted 在不核验的情况下接受该材料包</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Village inspection workbench (command line)</source>
        <translation>村（社区）巡察工作台（命令行）</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>read the passphrase from FILE (or set XUNCHA_PASSPHRASE)</source>
        <translation>从文件读取口令（或设置环境变量 XUNCHA_PASSPHRASE）</translation>
    </message>
    <message>
        <source>create a new encrypted database</source>
        <translation>新建加密数据库</translation>
    </message>
    <message>
        <source>path of the new database file</source>
        <translation>新数据库文件的路径</translation>
    </message>
    <message>
        <source>name of the inspection round</source>
        <translation>巡察轮次名称</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>your role: leader, deputy, liaison or member</source>
        <translation>您的职务：leader 组长、deputy 副组长、liaison 联络员、member 组员</translation>
    </message>
    <message>
        <source>name of your inspection team</source>
        <translation>所在巡察组名称</translation>
    </message>
    <message>
        <source>year of the round</source>
        <translation>巡察年度</translation>
    </message>
    <message>
        <source>write a synthetic demo round, one database per laptop</source>
        <translation>生成演示轮次数据，每台电脑一个数据库</translation>
    </message>
    <message>
        <source>folder for the databases</source>
        <translation>存放数据库的文件夹</translation>
    </message>
    <message>
        <source>small, or changzhou for the article&apos;s 703 villages</source>
        <translation>small（小规模），或 changzhou（文章中的 703 个村规模）</translation>
    </message>
    <message>
        <source>number of laptops</source>
        <translation>电脑台数</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>print counts per record kind and the state digest</source>
        <translation>按记录类型统计数量并显示状态摘要</translation>
    </message>
    <message>
        <source>database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>以 JSON 格式输出</translation>
    </message>
    <message>
        <source>write an exchange file of this laptop&apos;s data for the leader</source>
        <translation>导出本机数据的交换文件，交给组长合并</translation>
    </message>
    <message>
        <source>exchange file to write</source>
        <translation>要写入的交换文件</translation>
    </message>
    <message>
        <source>merge exchange files or databases into TARGET</source>
        <translation>把交换文件或数据库合并到目标数据库</translation>
    </message>
    <message>
        <source>database to merge into (created if missing)</source>
        <translation>合并到的数据库（不存在时新建）</translation>
    </message>
    <message>
        <source>exchange files or databases</source>
        <translation>交换文件或数据库</translation>
    </message>
    <message>
        <source>show what would be merged and change nothing</source>
        <translation>只预览将合并的内容，不作任何改动</translation>
    </message>
    <message>
        <source>enrol the device that signed an exchange file (team leader)</source>
        <translation>登记签署交换文件的设备（组长）</translation>
    </message>
    <message>
        <source>the leader&apos;s database</source>
        <translation>组长的数据库</translation>
    </message>
    <message>
        <source>an exchange file the device signed</source>
        <translation>该设备签署的交换文件</translation>
    </message>
    <message>
        <source>the start of the fingerprint that laptop shows (8 characters or more)</source>
        <translation>该笔记本显示的指纹开头（至少 8 位）</translation>
    </message>
    <message>
        <source>list the round&apos;s devices, their fingerprints and enrolment</source>
        <translation>列出本轮的设备、指纹和登记情况</translation>
    </message>
    <message>
        <source>verify every revision, attachment and table</source>
        <translation>校验全部修订、附件和数据表</translation>
    </message>
    <message>
        <source>copy everything intact of a damaged database into a new file</source>
        <translation>将损坏数据库中完好的内容全部复制到新文件</translation>
    </message>
    <message>
        <source>the damaged database (only read)</source>
        <translation>损坏的数据库（只读取，不改动）</translation>
    </message>
    <message>
        <source>the new database to write</source>
        <translation>要写入的新数据库</translation>
    </message>
    <message>
        <source>count democratic-evaluation ballots, or write a blank ballot sheet</source>
        <translation>民主测评计票，或生成空白选票录入表</translation>
    </message>
    <message>
        <source>key of a questionnaire in forms/evaluation, or a .toml file</source>
        <translation>forms/evaluation 中测评表的代号，或一个 .toml 文件</translation>
    </message>
    <message>
        <source>ballot sheet (.csv or .xlsx)</source>
        <translation>选票录入表（.csv 或 .xlsx）</translation>
    </message>
    <message>
        <source>print the header of a blank ballot sheet</source>
        <translation>输出空白选票录入表的表头</translation>
    </message>
    <message>
        <source>with --template: write the blank sheet to FILE (.csv or .xlsx)</source>
        <translation>与 --template 同用：把空白录入表写入 FILE（.csv 或 .xlsx）</translation>
    </message>
    <message>
        <source>ballots issued</source>
        <translation>发出的选票数</translation>
    </message>
    <message>
        <source>people expected (for the quorum; default: ballots issued)</source>
        <translation>应到人数（用于判断到会人数是否达到规定；默认为发出的选票数）</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>a 两委 member to evaluate, instead of the placeholders (repeat)</source>
        <translation>参加测评的两委成员，代替占位成员（可重复使用）</translation>
    </message>
    <message>
        <source>also write the results as a PDF</source>
        <translation>同时把测评结果写入 PDF 文件</translation>
    </message>
    <message>
        <source>also write the results as an .xlsx workbook</source>
        <translation>同时把测评结果写入 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>CATEGORY:EXPECTED:PRESENT</source>
        <translation>类别:应到:实到</translation>
    </message>
    <message>
        <source>participants of one category, e.g. 党员:30:28 (repeat)</source>
        <translation>一类参加人员的应到、实到人数，如 党员:30:28（可重复使用）</translation>
    </message>
    <message>
        <source>print blank anonymous ballots with serial numbers and QR codes (PDF)</source>
        <translation>生成带编号和二维码的空白不记名测评票（PDF）</translation>
    </message>
    <message>
        <source>number of ballots</source>
        <translation>测评票张数</translation>
    </message>
    <message>
        <source>PDF file to write (must not exist)</source>
        <translation>要生成的 PDF 文件（不能是已有文件）</translation>
    </message>
    <message>
        <source>ballots per A4 page: 2 when they fit (default), or 1</source>
        <translation>每张 A4 纸印几张测评票：放得下时印 2 张（默认），或 1 张</translation>
    </message>
    <message>
        <source>serial number of the first ballot (default 1)</source>
        <translation>第一张测评票的编号（默认 1）</translation>
    </message>
    <message>
        <source>build a signed handover packet (PDF) of the chosen villages</source>
        <translation>生成所选村（社区）的移交材料（PDF）并数字签名</translation>
    </message>
    <message>
        <source>VILLAGE</source>
        <translation>村名</translation>
    </message>
    <message>
        <source>name or id of a village to include (repeat; default: all)</source>
        <translation>要纳入的村（社区）名称或编号（可重复；默认全部）</translation>
    </message>
    <message>
        <source>who receives the packet (person or office)</source>
        <translation>接收人（个人或部门）</translation>
    </message>
    <message>
        <source>sign with this PKCS#12 file instead of this laptop&apos;s own key</source>
        <translation>用此 PKCS#12 文件签名，而不用本机自带的密钥</translation>
    </message>
    <message>
        <source>read the password of --key from FILE (or set XUNCHA_KEY_PASSWORD)</source>
        <translation>从 FILE 读取 --key 的密码（或设置 XUNCHA_KEY_PASSWORD）</translation>
    </message>
    <message>
        <source>packet number (default: made from the date and the content)</source>
        <translation>材料编号（默认由日期和内容生成）</translation>
    </message>
    <message>
        <source>date of the handover (default: today)</source>
        <translation>移交日期（默认今天）</translation>
    </message>
    <message>
        <source>which problem clues to hand over: new (not handed over before the date; default), all, or none</source>
        <translation>移交哪些问题线索：new（移交日期前尚未移交的，默认）、all（全部）或 none（不移交）</translation>
    </message>
    <message>
        <source>密级 on the cover and every page: none, confidential (秘密), secret (机密; default) or top_secret (绝密)</source>
        <translation>封面和每页标注的密级：none（不标密级）、confidential（秘密）、secret（机密，默认）或 top_secret（绝密）</translation>
    </message>
    <message>
        <source>份号 of this copy (default 1; 0: not numbered)</source>
        <translation>本份材料的份号（默认 1；0 表示不编份号）</translation>
    </message>
    <message>
        <source>also sign the unfinished material (findings not signed off, evaluation results not verified, report frameworks) in a last annex titled as not final; by default it stays out</source>
        <translation>把未定稿材料（尚未签发的问题、尚未核对一致的测评结果、报告框架）放入最后一个注明“未定稿”的附件一并签名；默认不列入</translation>
    </message>
    <message>
        <source>write the public posting (张榜公布) of the problems and their rectification instead: unsigned, nothing attached</source>
        <translation>改为生成问题及整改情况的张榜公布文件：不签名、不含附件</translation>
    </message>
    <message>
        <source>check a signed handover packet: signatures, later changes, evidence, manifest</source>
        <translation>核验已签名的移交材料：签名、签名后的改动、证据文件、清单</translation>
    </message>
    <message>
        <source>the packet to check</source>
        <translation>要核验的移交材料</translation>
    </message>
    <message>
        <source>a certificate to trust (PEM or DER; repeat)</source>
        <translation>信任的证书（PEM 或 DER；可重复）</translation>
    </message>
    <message>
        <source>exit 0 for an intact packet even when its signer does not lead to a --trust certificate (it is still said)</source>
        <translation>材料包完好时即使签名人不能追溯到 --trust 证书也以 0 退出（仍会提示）</translation>
    </message>
    <message>
        <source>name of the village</source>
        <translation>村（社区）名称</translation>
    </message>
    <message>
        <source>date of the evaluation meeting</source>
        <translation>测评会议日期</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD): {value}</source>
        <translation>不是日期（格式为 YYYY-MM-DD）：{value}</translation>
    </message>
    <message>
        <source>write CATEGORY:EXPECTED:PRESENT with whole numbers, e.g. 党员:30:28: {value}</source>
        <translation>请写成 类别:应到:实到，人数为整数，如 党员:30:28：{value}</translation>
    </message>
    <message>
        <source>read the round&apos;s exchange passphrase from FILE (or set XUNCHA_EXCHANGE_PASSPHRASE)</source>
        <translation>从文件读取本轮交换口令（或设置环境变量 XUNCHA_EXCHANGE_PASSPHRASE）</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>not a whole number: {text}</source>
        <translation>不是整数：{text}</translation>
    </message>
    <message>
        <source>{what} must be between {low} and {high}</source>
        <translation>{what} 必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>A ballot needs {n} answers, got {got}</source>
        <translation>一张票需要 {n} 个答案，实际 {got} 个</translation>
    </message>
    <message>
        <source>Answer {position} must be a number from 0 to {top}</source>
        <translation>第 {position} 个答案须为 0 到 {top} 的数字</translation>
    </message>
    <message>
        <source>Marked void in the spreadsheet</source>
        <translation>表格中标为作废</translation>
    </message>
    <message>
        <source>(not keyed)</source>
        <translation>（未录入）</translation>
    </message>
    <message>
        <source>0 (blank)</source>
        <translation>0（空白）</translation>
    </message>
    <message>
        <source>void: {reason}</source>
        <translation>作废：{reason}</translation>
    </message>
    <message>
        <source>keyed</source>
        <translation>已录入</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <source>A file already exists at {path}; choose another name</source>
        <translation>该位置已有文件：{path}，请换一个文件名</translation>
    </message>
    <message>
        <source>{path} is a file or already holds demo databases; choose another folder</source>
        <translation>{path} 是一个文件或已有演示数据库，请换一个文件夹</translation>
    </message>
    <message>
        <source>The folder does not exist: {path}</source>
        <translation>文件夹不存在：{path}</translation>
    </message>
    <message>
        <source>Neither the exchange passphrase nor this database&apos;s passphrase opens {path} (or it is not an inspection file)</source>
        <translation>交换口令和本数据库的口令都无法打开 {path}（或它不是巡察文件）</translation>
    </message>
    <message>
        <source>Wrong passphrase, or the file is not an inspection database: {path}</source>
        <translation>口令错误，或该文件不是巡察数据库：{path}</translation>
    </message>
    <message>
        <source>Not an inspection database (damaged, truncated or another kind of file): {path}</source>
        <translation>不是巡察数据库（文件已损坏、被截断或是其他类型的文件）：{path}</translation>
    </message>
    <message>
        <source>The database file is damaged ({reason}): {path}. Nothing was changed; use the copy made before the last merge (beside it, named …before-merge…) or another laptop&apos;s copy</source>
        <translation>数据库文件已损坏（{reason}）：{path}。未做任何改动；请使用上次合并前的副本（在它旁边，文件名含 before-merge）或其他笔记本上的副本</translation>
    </message>
    <message>
        <source>This is an unencrypted SQLite file, not an inspection database: {path}</source>
        <translation>这是未加密的 SQLite 文件，不是巡察数据库：{path}</translation>
    </message>
    <message>
        <source>This encrypted database was not made by this program: {path}</source>
        <translation>该加密数据库不是由本程序创建的：{path}</translation>
    </message>
    <message>
        <source>This database was written by a newer release (schema {found}, this release reads up to {supported}); update the program. The file was left untouched</source>
        <translation>该数据库由更新版本的程序写入（结构版本 {found}，本版本最高支持 {supported}），请升级程序。文件未作任何改动</translation>
    </message>
    <message>
        <source>Cannot write here (read-only location or no permission); nothing was changed</source>
        <translation>无法在此写入（位置只读或没有权限），数据未作任何改动</translation>
    </message>
    <message>
        <source>The disk is full or the file cannot grow; nothing was changed</source>
        <translation>磁盘已满或文件无法继续增大，数据未作任何改动</translation>
    </message>
    <message>
        <source>A passphrase is needed: use --passphrase-file FILE or XUNCHA_PASSPHRASE</source>
        <translation>需要口令：请使用 --passphrase-file 文件 或环境变量 XUNCHA_PASSPHRASE</translation>
    </message>
    <message>
        <source>The round&apos;s exchange passphrase is needed: use --exchange-passphrase-file FILE or XUNCHA_EXCHANGE_PASSPHRASE</source>
        <translation>需要本轮交换口令：请使用 --exchange-passphrase-file 文件 或环境变量 XUNCHA_EXCHANGE_PASSPHRASE</translation>
    </message>
    <message>
        <source>The passphrase must have at least {n} characters</source>
        <translation>口令至少需要 {n} 个字符</translation>
    </message>
    <message>
        <source>This database has no inspector identity on this laptop (a merged copy); it can be read and merged into, not edited: {path}</source>
        <translation>该数据库在本机没有巡察人员身份（合并得到的副本），只能查看和合并，不能编辑：{path}</translation>
    </message>
    <message>
        <source>The database failed its check</source>
        <translation>数据库校验未通过</translation>
    </message>
    <message>
        <source>No such record: {record_id}</source>
        <translation>记录不存在：{record_id}</translation>
    </message>
    <message>
        <source>{label} ({key})</source>
        <translation>{label}（{key}）</translation>
    </message>
    <message>
        <source>Issued {issued}, returned {returned}, valid {valid}, void {void}</source>
        <translation>发出 {issued} 张，收回 {returned} 张，有效 {valid} 张，无效 {void} 张</translation>
    </message>
    <message>
        <source>The count is void: more ballots were returned than issued.</source>
        <translation>本次计票无效：收回的选票多于发出的选票。</translation>
    </message>
    <message>
        <source>blank {n}</source>
        <translation>弃权 {n}</translation>
    </message>
    <message>
        <source>counted {n}: nothing to score</source>
        <translation>计票 {n}：没有可计分的票</translation>
    </message>
    <message>
        <source>counted {n}  {rate_label} {rate}  score {score}  grade {grade}</source>
        <translation>计票 {n}  {rate_label} {rate}  得分 {score}  等次 {grade}</translation>
    </message>
    <message>
        <source>expected {n}</source>
        <translation>应到 {n} 人</translation>
    </message>
    <message>
        <source>issued {n}</source>
        <translation>发出 {n} 张</translation>
    </message>
    <message>
        <source>Quorum: returned {returned} of {base} = {turnout}, rule {rule}: {verdict}</source>
        <translation>到会情况：收回 {returned} 张 / {base} = {turnout}，要求 {rule}：{verdict}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>NOT MET</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Field {field} has the wrong type</source>
        <translation>字段 {field} 的类型不正确</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>{field} is not written in the expected form</source>
        <translation>{field} 的格式不正确</translation>
    </message>
    <message>
        <source>{field}: at most {n} characters</source>
        <translation>{field}：最多 {n} 个字</translation>
    </message>
    <message>
        <source>{field} must be a number like 12 or 12.5</source>
        <translation>{field} 须为数字，如 12 或 12.5</translation>
    </message>
    <message>
        <source>{field} allows at most {n} digits after the decimal point</source>
        <translation>{field} 最多保留 {n} 位小数</translation>
    </message>
    <message>
        <source>{field} must be at least {low}</source>
        <translation>{field} 不能小于 {low}</translation>
    </message>
    <message>
        <source>{field} must be at most {high}</source>
        <translation>{field} 不能大于 {high}</translation>
    </message>
    <message>
        <source>{what} must be a date like 2026-05-31</source>
        <translation>{what}须为日期，如 2026-05-31</translation>
    </message>
    <message>
        <source>{field} must be a time like 09:30</source>
        <translation>{field} 须为时间，如 09:30</translation>
    </message>
    <message>
        <source>Field {field} must be one of: {choices}</source>
        <translation>字段 {field} 只能是以下之一：{choices}</translation>
    </message>
    <message>
        <source>{field} lists an entry twice</source>
        <translation>{field} 中有重复的项</translation>
    </message>
    <message>
        <source>{field} must be chosen from the people of the round</source>
        <translation>{field} 须从本轮人员中选择</translation>
    </message>
    <message>
        <source>{field} must be a person of the round or a typed name</source>
        <translation>{field} 须从本轮人员中选择或填写姓名</translation>
    </message>
    <message>
        <source>{field} must be chosen from the villages of the round</source>
        <translation>{field} 须从本轮的村（社区）中选择</translation>
    </message>
    <message>
        <source>{field} must list attachments by their SHA-256</source>
        <translation>{field} 须以 SHA-256 列出附件</translation>
    </message>
    <message>
        <source>Checked, no problem</source>
        <translation>已查阅，无问题</translation>
    </message>
    <message>
        <source>Problem found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>{form} (version {version}) cannot be saved</source>
        <translation>{form}（第 {version} 版）无法保存</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>No form {key} version {version}; available: {available}</source>
        <translation>没有表单 {key} 第 {version} 版；现有：{available}</translation>
    </message>
    <message>
        <source>Unknown field: {field}</source>
        <translation>未知字段：{field}</translation>
    </message>
    <message>
        <source>{field} holds a value that cannot be stored (write decimal numbers as text, e.g. &quot;12.5&quot;)</source>
        <translation>{field} 的值无法保存（小数请写成文本，如 &quot;12.5&quot;）</translation>
    </message>
    <message>
        <source>Required field is empty: {field}</source>
        <translation>必填字段为空：{field}</translation>
    </message>
    <message>
        <source>{group} no. {n} › </source>
        <translation>{group} 第 {n} 项 › </translation>
    </message>
    <message>
        <source>{field} needs at least {n} entries</source>
        <translation>{field} 至少需要 {n} 项</translation>
    </message>
    <message>
        <source>{field} allows at most {n} entries</source>
        <translation>{field} 最多 {n} 项</translation>
    </message>
    <message>
        <source>{field} is marked as a problem; say what was found in the note</source>
        <translation>{field} 标为发现问题，请在备注中写明发现的问题</translation>
    </message>
    <message>
        <source>Form definition {path}, line {line}</source>
        <translation>表单定义 {path} 第 {line} 行</translation>
    </message>
    <message>
        <source>not a UTF-8 text file</source>
        <translation>不是 UTF-8 文本文件</translation>
    </message>
    <message>
        <source>not valid TOML: {why}</source>
        <translation>不是有效的 TOML：{why}</translation>
    </message>
    <message>
        <source>the file name must be {name}</source>
        <translation>文件名应为 {name}</translation>
    </message>
    <message>
        <source>{where} must be a table</source>
        <translation>{where} 必须是表</translation>
    </message>
    <message>
        <source>unknown setting {name} in {where}</source>
        <translation>{where} 中有未知的设置项 {name}</translation>
    </message>
    <message>
        <source>{where} has no {name}</source>
        <translation>{where} 缺少 {name}</translation>
    </message>
    <message>
        <source>{where}: the key {key} must be lower-case letters, digits or _, starting with a letter</source>
        <translation>{where}：代号 {key} 只能由小写字母、数字或 _ 组成，并以字母开头</translation>
    </message>
    <message>
        <source>{where} has no {lang} label</source>
        <translation>{where} 缺少 {lang} 名称</translation>
    </message>
    <message>
        <source>{where}: {name} must be true or false</source>
        <translation>{where}：{name} 必须是 true 或 false</translation>
    </message>
    <message>
        <source>{where}: {name} must be a whole number from {low} to {high}</source>
        <translation>{where}：{name} 必须是 {low} 至 {high} 的整数</translation>
    </message>
    <message>
        <source>{where}: write {name} as a whole number or as text such as &quot;12.5&quot;</source>
        <translation>{where}：{name} 应写成整数，或写成文本（如 &quot;12.5&quot;）</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>version must be a whole number from 1</source>
        <translation>version 必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>a form with restricted fields names its readers (readers or reader_fields), and only such a form</source>
        <translation>有受限字段的表单必须写明可查看人员（readers 或 reader_fields），没有受限字段的表单不得写明</translation>
    </message>
    <message>
        <source>{where}: {name} must be a list of: {allowed}</source>
        <translation>{where}：{name} 必须是以下各项组成的列表：{allowed}</translation>
    </message>
    <message>
        <source>{where} must be a non-empty list</source>
        <translation>{where} 必须是非空列表</translation>
    </message>
    <message>
        <source>duplicate key {key} in {where}</source>
        <translation>{where} 中代号 {key} 重复</translation>
    </message>
    <message>
        <source>{where}: unknown field kind {kind}; the kinds are: {kinds}</source>
        <translation>{where}：未知的字段类型 {kind}；可用的类型有：{kinds}</translation>
    </message>
    <message>
        <source>{where}: a repeat group cannot hold another</source>
        <translation>{where}：重复组中不能再包含重复组</translation>
    </message>
    <message>
        <source>{where}: only a form&apos;s own fields can be restricted</source>
        <translation>{where}：只有表单自身的字段可以设为受限</translation>
    </message>
    <message>
        <source>{where}: max_items is less than min_items</source>
        <translation>{where}：max_items 小于 min_items</translation>
    </message>
    <message>
        <source>{where} needs pattern or regex, not both</source>
        <translation>{where} 只能给出 pattern 或 regex 之一，不能同时给出</translation>
    </message>
    <message>
        <source>{where}: unknown pattern {name}; the patterns are: {names}</source>
        <translation>{where}：未知的格式 {name}；可用的格式有：{names}</translation>
    </message>
    <message>
        <source>{where}: the regex is not valid: {why}</source>
        <translation>{where}：正则表达式无效：{why}</translation>
    </message>
    <message>
        <source>{where}: max is less than min</source>
        <translation>{where}：max 小于 min</translation>
    </message>
    <message>
        <source>{where} needs at least {n} entries</source>
        <translation>{where} 至少需要 {n} 项</translation>
    </message>
    <message>
        <source>{where}: two entries have the same {lang} label</source>
        <translation>{where}：有两项的 {lang} 名称相同</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>an ID-card number has 18 characters: 17 digits, then a digit or X</source>
        <translation>身份证号码应为 18 位：17 位数字，最后一位是数字或 X</translation>
    </message>
    <message>
        <source>the ID-card number starts with an unknown region code {code}</source>
        <translation>身份证号码的地址码 {code} 不存在</translation>
    </message>
    <message>
        <source>the ID-card number holds no plausible birth date ({date})</source>
        <translation>身份证号码中的出生日期（{date}）不合理</translation>
    </message>
    <message>
        <source>the check digit of the ID-card number does not match; a character is probably mistyped</source>
        <translation>身份证号码校验码不符，可能有数字输错</translation>
    </message>
    <message>
        <source>a mobile number has 11 digits, starting with 13 to 19</source>
        <translation>手机号码应为 11 位，以 13 至 19 开头</translation>
    </message>
    <message>
        <source>a landline number needs its area code, e.g. 0519-86681234</source>
        <translation>固定电话号码须带区号，如 0519-86681234</translation>
    </message>
    <message>
        <source>not a mobile number, nor a landline number with its area code</source>
        <translation>既不是手机号码，也不是带区号的固定电话号码</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Villager representatives</source>
        <translation>村民代表</translation>
    </message>
    <message>
        <source>Villagers</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Village committee member</source>
        <translation>两委成员</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Villager</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>第一遍录入</translation>
    </message>
    <message>
        <source>Verifying entry</source>
        <translation>核对录入</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>巡察轮次</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>巡察组</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>巡察人员</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区（县、市）</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <source>Device enrolment</source>
        <translation>设备登记</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Duplicate link</source>
        <translation>重复记录关联</translation>
    </message>
    <message>
        <source>Democratic evaluation</source>
        <translation>民主测评</translation>
    </message>
    <message>
        <source>Ballot</source>
        <translation>测评票</translation>
    </message>
    <message>
        <source>Step record</source>
        <translation>环节记录</translation>
    </message>
    <message>
        <source>Person of the village</source>
        <translation>村（社区）人员</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Amendment of a finding</source>
        <translation>问题更正</translation>
    </message>
    <message>
        <source>Problem clue</source>
        <translation>问题线索</translation>
    </message>
    <message>
        <source>Rectification suggestion</source>
        <translation>整改意见建议</translation>
    </message>
    <message>
        <source>Rule improved</source>
        <translation>完善制度</translation>
    </message>
    <message>
        <source>Immediate rectification</source>
        <translation>立行立改</translation>
    </message>
    <message>
        <source>Rectification task</source>
        <translation>整改任务</translation>
    </message>
    <message>
        <source>Numbering pattern</source>
        <translation>编号规则设置</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>First record</source>
        <translation>第一条记录</translation>
    </message>
    <message>
        <source>Second record</source>
        <translation>第二条记录</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Steps of the round</source>
        <translation>本轮巡察环节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>测评表</translation>
    </message>
    <message>
        <source>Committee members</source>
        <translation>两委成员</translation>
    </message>
    <message>
        <source>Ballots issued</source>
        <translation>发出票数</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>录入遍次</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Reason the ballot is void</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>巡察环节</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Form version</source>
        <translation>表单版本</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>填写内容</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Supervision focus</source>
        <translation>监督重点</translation>
    </message>
    <message>
        <source>Class of problem</source>
        <translation>问题性质</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Basis for the finding</source>
        <translation>定性依据</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Evidence records</source>
        <translation>佐证记录</translation>
    </message>
    <message>
        <source>Evidence attachments</source>
        <translation>佐证附件</translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>Signed off by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Signed off at</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Revision amended</source>
        <translation>所更正的版本</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更正内容</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>反映对象</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>主要内容</translation>
    </message>
    <message>
        <source>Proposed handling</source>
        <translation>拟处置方式</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>密封</translation>
    </message>
    <message>
        <source>Handed over to</source>
        <translation>移交单位</translation>
    </message>
    <message>
        <source>Handed over on</source>
        <translation>移交日期</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>移交人</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Feedback due</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <source>Feedback received on</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈结果</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Closed out on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Close-out note</source>
        <translation>销号说明</translation>
    </message>
    <message>
        <source>Close-out evidence records</source>
        <translation>销号佐证记录</translation>
    </message>
    <message>
        <source>Close-out evidence files</source>
        <translation>销号佐证附件</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Number pattern</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <source>Encryption key</source>
        <translation>加密公钥</translation>
    </message>
    <message>
        <source>Party members expected</source>
        <translation>党员应到</translation>
    </message>
    <message>
        <source>Villager representatives expected</source>
        <translation>村民代表应到</translation>
    </message>
    <message>
        <source>Villagers expected</source>
        <translation>群众应到</translation>
    </message>
    <message>
        <source>Party members present</source>
        <translation>党员实到</translation>
    </message>
    <message>
        <source>Villager representatives present</source>
        <translation>村民代表实到</translation>
    </message>
    <message>
        <source>Villagers present</source>
        <translation>群众实到</translation>
    </message>
    <message>
        <source>Round name</source>
        <translation>巡察轮次</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>巡察组名称</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>District name</source>
        <translation>区（县、市）名称</translation>
    </message>
    <message>
        <source>Town name</source>
        <translation>镇（街道）名称</translation>
    </message>
    <message>
        <source>Village name</source>
        <translation>村（社区）名称</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Deputy leader</source>
        <translation>副组长</translation>
    </message>
    <message>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>组员</translation>
    </message>
    <message>
        <source>Unknown record kind: {kind}</source>
        <translation>未知的记录类型：{kind}</translation>
    </message>
    <message>
        <source>{what} is longer than {n} characters</source>
        <translation>{what}超过 {n} 个字符</translation>
    </message>
    <message>
        <source>revision {rid}: its clock ({clock}) is later than the file could have been written; check the date and time of the laptops</source>
        <translation>修订 {rid}：其时钟（{clock}）晚于该文件可能写成的时间；请检查各台笔记本电脑的日期和时间</translation>
    </message>
    <message>
        <source>revision {rid}: a parent revision is missing</source>
        <translation>修订 {rid}：缺少上一版本</translation>
    </message>
    <message>
        <source>revision {rid}: builds on rejected revision {parent}</source>
        <translation>修订 {rid}：基于已拒收的修订 {parent}</translation>
    </message>
    <message>
        <source>revision {rid}: a parent belongs to another record</source>
        <translation>修订 {rid}：上一版本属于其他记录</translation>
    </message>
    <message>
        <source>revision {rid}: record {record} already has another kind</source>
        <translation>修订 {rid}：记录 {record} 已是其他类型</translation>
    </message>
    <message>
        <source>revision {rid}: attachment {blob} is missing or damaged</source>
        <translation>修订 {rid}：附件 {blob} 缺失或已损坏</translation>
    </message>
    <message>
        <source>Weak: at least 8 characters, not a common or repeated sequence</source>
        <translation>弱：至少 8 个字符，不要用常见或重复的字符串</translation>
    </message>
    <message>
        <source>Fair: a longer passphrase or mixed characters would be stronger</source>
        <translation>一般：更长或混合多种字符会更安全</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>较强</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>Questionnaire {path}</source>
        <translation>测评表 {path}</translation>
    </message>
    <message>
        <source>it has no [members] section</source>
        <translation>其中没有 [members] 部分</translation>
    </message>
    <message>
        <source>member name {name} is empty, repeated or has a /</source>
        <translation>成员姓名 {name} 为空、重复或含有 /</translation>
    </message>
    <message>
        <source>No questionnaire {name}; available: {available}</source>
        <translation>没有测评表 {name}；现有：{available}</translation>
    </message>
    <message>
        <source>{where}: the key {key} must be letters, digits, - or _</source>
        <translation>{where}：代号 {key} 只能由字母、数字、- 或 _ 组成</translation>
    </message>
    <message>
        <source>{where}: {value} is not a number</source>
        <translation>{where}：{value} 不是数字</translation>
    </message>
    <message>
        <source>{where}: {value} is out of range (0 to 100%)</source>
        <translation>{where}：{value} 超出范围（0 至 100%）</translation>
    </message>
    <message>
        <source>{where} needs at_least or more_than, not both</source>
        <translation>{where} 需要 at_least 或 more_than 之一，不能同时给出</translation>
    </message>
    <message>
        <source>{where} must be a list of keys</source>
        <translation>{where} 必须是代号列表</translation>
    </message>
    <message>
        <source>unknown {what} {key} in {where}</source>
        <translation>{where} 中的{what} {key} 不存在</translation>
    </message>
    <message>
        <source>{where} lists a key twice</source>
        <translation>{where} 中有重复的代号</translation>
    </message>
    <message>
        <source>the scale needs at least two options</source>
        <translation>评价等级至少需要两个选项</translation>
    </message>
    <message>
        <source>option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>[scale] favourable needs at least one option, and only scored ones</source>
        <translation>[scale] favourable 至少需要一个选项，且只能是计分的选项</translation>
    </message>
    <message>
        <source>{where}: a scored option needs a weight, a not-scored one has none</source>
        <translation>{where}：计分的选项需要 weight，不计分的选项不能有 weight</translation>
    </message>
    <message>
        <source>[[scale.options]]: two options have the same {lang} label</source>
        <translation>[[scale.options]]：有两个选项的 {lang} 名称相同</translation>
    </message>
    <message>
        <source>[members] placeholders must be a whole number from 0 to 50</source>
        <translation>[members] placeholders 必须是 0 至 50 的整数</translation>
    </message>
    <message>
        <source>item</source>
        <translation>测评项目</translation>
    </message>
    <message>
        <source>{where} needs at_least or more_than</source>
        <translation>{where} 需要 at_least 或 more_than</translation>
    </message>
    <message>
        <source>[rules] grade_by must be one of: {names}</source>
        <translation>[rules] grade_by 必须是以下之一：{names}</translation>
    </message>
    <message>
        <source>[rules] exclude_not_scored must be true or false</source>
        <translation>[rules] exclude_not_scored 必须是 true 或 false</translation>
    </message>
    <message>
        <source>[[rules.grades]] must go from the highest threshold down; only the last may have none</source>
        <translation>[[rules.grades]] 必须按阈值从高到低排列；只有最后一项可以不设阈值</translation>
    </message>
    <message>
        <source>Finding {number} is signed off and locked; change it through an amendment</source>
        <translation>问题 {number} 已签发锁定，只能通过更正修改</translation>
    </message>
    <message>
        <source>Party affairs</source>
        <translation>党务</translation>
    </message>
    <message>
        <source>Finances</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Ecology</source>
        <translation>生态</translation>
    </message>
    <message>
        <source>Living conditions</source>
        <translation>生活</translation>
    </message>
    <message>
        <source>Three affairs</source>
        <translation>三务</translation>
    </message>
    <message>
        <source>Three assets</source>
        <translation>三资</translation>
    </message>
    <message>
        <source>Production, living and ecology</source>
        <translation>三生</translation>
    </message>
    <message>
        <source>Individual problem</source>
        <translation>个性问题</translation>
    </message>
    <message>
        <source>Common problem</source>
        <translation>共性问题</translation>
    </message>
    <message>
        <source>Stubborn problem</source>
        <translation>顽固性问题</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>Political discipline</source>
        <translation>政治纪律</translation>
    </message>
    <message>
        <source>Organisational discipline</source>
        <translation>组织纪律</translation>
    </message>
    <message>
        <source>Integrity discipline</source>
        <translation>廉洁纪律</translation>
    </message>
    <message>
        <source>Discipline towards the people</source>
        <translation>群众纪律</translation>
    </message>
    <message>
        <source>Work discipline</source>
        <translation>工作纪律</translation>
    </message>
    <message>
        <source>Discipline in private life</source>
        <translation>生活纪律</translation>
    </message>
    <message>
        <source>Collective funds, assets and resources</source>
        <translation>三资管理</translation>
    </message>
    <message>
        <source>Benefit and relief funds</source>
        <translation>惠民资金</translation>
    </message>
    <message>
        <source>Talk or letter of inquiry</source>
        <translation>谈话函询</translation>
    </message>
    <message>
        <source>Preliminary verification</source>
        <translation>初步核实</translation>
    </message>
    <message>
        <source>Kept for later examination</source>
        <translation>暂存待查</translation>
    </message>
    <message>
        <source>Closed without action</source>
        <translation>予以了结</translation>
    </message>
    <message>
        <source>Discipline inspection and supervision commission</source>
        <translation>纪委监委</translation>
    </message>
    <message>
        <source>Organisation department</source>
        <translation>组织部门</translation>
    </message>
    <message>
        <source>Being rectified</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>The number pattern has an unmatched brace</source>
        <translation>编号规则中的花括号不成对</translation>
    </message>
    <message>
        <source>Unknown placeholder {name} in the number pattern; use {allowed}</source>
        <translation>编号规则中有未知的占位符 {name}；可用的有：{allowed}</translation>
    </message>
    <message>
        <source>Only {seq} may have a width, as in {example}</source>
        <translation>只有 {seq} 可以指定位数，如 {example}</translation>
    </message>
    <message>
        <source>The number pattern must contain {placeholder} once</source>
        <translation>编号规则必须且只能包含一次 {placeholder}</translation>
    </message>
    <message>
        <source>Only the leader or a deputy leader may review a finding</source>
        <translation>只有组长或副组长可以审核问题</translation>
    </message>
    <message>
        <source>Only a drafted finding can be reviewed</source>
        <translation>只有待审核的问题可以审核</translation>
    </message>
    <message>
        <source>Only the leader or a deputy leader may send a finding back</source>
        <translation>只有组长或副组长可以退回问题</translation>
    </message>
    <message>
        <source>Only a reviewed finding can be sent back</source>
        <translation>只有已审核的问题可以退回</translation>
    </message>
    <message>
        <source>Only the leader may sign off a finding</source>
        <translation>只有组长可以签发问题</translation>
    </message>
    <message>
        <source>Only a reviewed finding can be signed off</source>
        <translation>问题须经审核后才能签发</translation>
    </message>
    <message>
        <source>State the basis for the finding before it is reviewed</source>
        <translation>请先填写定性依据，再提交审核</translation>
    </message>
    <message>
        <source>Only a signed-off finding is amended; edit the draft instead</source>
        <translation>只有已签发的问题才需更正；未签发的请直接修改底稿</translation>
    </message>
    <message>
        <source>Only the leader may amend a signed-off finding</source>
        <translation>只有组长可以更正已签发的问题</translation>
    </message>
    <message>
        <source>An amendment needs a reason</source>
        <translation>更正须说明理由</translation>
    </message>
    <message>
        <source>{field} cannot be amended</source>
        <translation>{field} 不能更正</translation>
    </message>
    <message>
        <source>An amendment must change at least one field</source>
        <translation>更正至少要修改一项内容</translation>
    </message>
    <message>
        <source>This item is already closed out</source>
        <translation>该事项已经销号</translation>
    </message>
    <message>
        <source>Closing out needs evidence: attach a file or link a record</source>
        <translation>销号须有佐证材料：请添加附件或关联记录</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>（已隐去）</translation>
    </message>
    <message>
        <source>revision {rid}: hash does not match its content</source>
        <translation>修订 {rid}：哈希值与内容不符</translation>
    </message>
    <message>
        <source>revision {rid}: not valid JSON ({detail})</source>
        <translation>修订 {rid}：不是有效的 JSON（{detail}）</translation>
    </message>
    <message>
        <source>revision {rid}: envelope keys are wrong</source>
        <translation>修订 {rid}：信封字段不正确</translation>
    </message>
    <message>
        <source>revision {rid}: envelope is not in canonical form</source>
        <translation>修订 {rid}：信封不是规范格式</translation>
    </message>
    <message>
        <source>revision {rid}: body or deleted flag has the wrong type</source>
        <translation>修订 {rid}：内容或删除标记类型不正确</translation>
    </message>
    <message>
        <source>revision {rid}: a field of its envelope has the wrong type or form</source>
        <translation>修订 {rid}：信封中某个字段的类型或格式不正确</translation>
    </message>
    <message>
        <source>a round needs at least one step</source>
        <translation>一轮巡察至少需要一个环节</translation>
    </message>
    <message>
        <source>unknown step {key}</source>
        <translation>未知的环节 {key}</translation>
    </message>
    <message>
        <source>step {key} is listed twice</source>
        <translation>环节 {key} 重复列出</translation>
    </message>
    <message>
        <source>the steps are: {keys}</source>
        <translation>可用的环节有：{keys}</translation>
    </message>
    <message>
        <source>Instructions: tick (√) the box of the answer you choose in each row, one box per row. A row left blank counts as an abstention. This ballot is anonymous: do not write your name or make any other mark on it. The numbers above the answers are for counting.</source>
        <translation>填写说明：请在每一行所选意见的格内划“√”，每行只划一格；某一行不划视为弃权。本票不记名，请勿在票上填写姓名或作其他记号。意见上方的数字供计票录入使用。</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>测评对象</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>No. {serial}</source>
        <translation>编号：{serial}</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title}（续页）</translation>
    </message>
    <message>
        <source>No. {serial}, page {page} of {pages}</source>
        <translation>编号：{serial}&#x3000;第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>cut here</source>
        <translation>沿此线剪开</translation>
    </message>
    <message>
        <source>No evidence is linked or attached.</source>
        <translation>未关联记录，也未附文件。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Record: {form}</source>
        <translation>记录：{form}</translation>
    </message>
    <message>
        <source>{village}, {date}; record {id}</source>
        <translation>{village}，{date}；记录 {id}</translation>
    </message>
    <message>
        <source>embedded as {name}</source>
        <translation>附件名 {name}</translation>
    </message>
    <message>
        <source>not in this packet</source>
        <translation>未随本材料附送</translation>
    </message>
    <message>
        <source>File ({where})</source>
        <translation>文件（{where}）</translation>
    </message>
    <message>
        <source>This record has versions in conflict (from two laptops); the version shown is not a decision between them.</source>
        <translation>此记录存在冲突版本（来自两台电脑），此处显示的版本并非对冲突的裁决。</translation>
    </message>
    <message>
        <source>Handover letter and clue list</source>
        <translation>移交函及问题线索登记表</translation>
    </message>
    <message>
        <source>Handover letter</source>
        <translation>移交函</translation>
    </message>
    <message>
        <source>Problem clue list</source>
        <translation>问题线索登记表</translation>
    </message>
    <message>
        <source>Clue working papers</source>
        <translation>问题线索底稿</translation>
    </message>
    <message>
        <source>This packet hands over no problem clues.</source>
        <translation>本材料不移交问题线索。</translation>
    </message>
    <message>
        <source>Interview records</source>
        <translation>谈话记录</translation>
    </message>
    <message>
        <source>The chosen villages have no interview records.</source>
        <translation>所选村（社区）暂无谈话记录。</translation>
    </message>
    <message>
        <source>Finding working papers</source>
        <translation>问题底稿</translation>
    </message>
    <message>
        <source>The chosen villages have no signed-off findings.</source>
        <translation>所选村（社区）没有已签发的问题。</translation>
    </message>
    <message>
        <source>Unfinished material (annex, not final)</source>
        <translation>未定稿附件（非定稿材料）</translation>
    </message>
    <message>
        <source>This annex was included on purpose by the person handing over. What it holds is not final: findings not signed off, evaluation results not verified, and report frameworks still to be written. It is signed with the packet only as a record of the state of the work.</source>
        <translation>本附件由移交人特意列入，所载材料均未定稿：尚未签发的问题、尚未核对一致的测评结果和有待撰写的报告框架。随本材料一并签名，仅作为工作进度的记录。</translation>
    </message>
    <message>
        <source>Rectification notices</source>
        <translation>立行立改通知书和整改通知书</translation>
    </message>
    <message>
        <source>No immediate rectifications or rectification tasks are registered for the chosen villages.</source>
        <translation>所选村（社区）暂无登记的立行立改事项和整改任务。</translation>
    </message>
    <message>
        <source>No village chosen.</source>
        <translation>未选择村（社区）。</translation>
    </message>
    <message>
        <source>{questionnaire}: results</source>
        <translation>{questionnaire}结果</translation>
    </message>
    <message>
        <source>{rate_label} by subject and item</source>
        <translation>各测评对象、项目{rate_label}</translation>
    </message>
    <message>
        <source>Village: {name}</source>
        <translation>村（社区）：{name}</translation>
    </message>
    <message>
        <source>Held on: {date}</source>
        <translation>测评日期：{date}</translation>
    </message>
    <message>
        <source>Questionnaire: {label} ({key}, version {version})</source>
        <translation>测评表：{label}（{key}，第 {version} 版）</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>参加人员：</translation>
    </message>
    <message>
        <source>Ballots: issued {issued}, returned {returned}, valid {valid}, void {void}</source>
        <translation>测评票：发出 {issued} 张，收回 {returned} 张，有效 {valid} 张，无效 {void} 张</translation>
    </message>
    <message>
        <source>Keyed twice; both entries agree.</source>
        <translation>测评票经两遍录入，结果一致。</translation>
    </message>
    <message>
        <source>Provisional: the two entries of the ballots do not agree yet.</source>
        <translation>结果未定稿：测评票两遍录入的结果尚不一致。</translation>
    </message>
    <message>
        <source>The quorum was not met: the results below must be read with that in mind.</source>
        <translation>到会人数未达到规定要求，请结合这一情况看待以下结果。</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到人数</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Abstentions</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计票数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Attention — {item}: {flag}</source>
        <translation>提示：{item}，{flag}</translation>
    </message>
    <message>
        <source>Notes: shares, rates and scores are of the answers counted; a blank answer is an abstention and counts nowhere; figures are rounded half up.</source>
        <translation>说明：各项占比、比率和得分均以计票数为基数；空白视为弃权，不计入任何一项；数字四舍五入。</translation>
    </message>
    <message>
        <source>score / 100</source>
        <translation>得分（百分制）</translation>
    </message>
    <message>
        <source> Grades by {basis}: {grades}.</source>
        <translation>等次按{basis}评定：{grades}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> {options} answers are not counted.</source>
        <translation>选“{options}”的不计入计票数。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>测评概况</translation>
    </message>
    <message>
        <source>Evaluation results</source>
        <translation>测评结果</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>测评日期</translation>
    </message>
    <message>
        <source>Questionnaire key</source>
        <translation>测评表代号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Ballots returned</source>
        <translation>收回票数</translation>
    </message>
    <message>
        <source>Valid ballots</source>
        <translation>有效票数</translation>
    </message>
    <message>
        <source>Void ballots</source>
        <translation>无效票数</translation>
    </message>
    <message>
        <source>Quorum base</source>
        <translation>到会基数</translation>
    </message>
    <message>
        <source>Turnout</source>
        <translation>到会比例</translation>
    </message>
    <message>
        <source>Quorum rule</source>
        <translation>到会要求</translation>
    </message>
    <message>
        <source>Quorum met</source>
        <translation>符合到会要求</translation>
    </message>
    <message>
        <source>Count void</source>
        <translation>计票无效</translation>
    </message>
    <message>
        <source>Both entries agree</source>
        <translation>两遍录入一致</translation>
    </message>
    <message>
        <source>{option}: votes</source>
        <translation>{option}票数</translation>
    </message>
    <message>
        <source>{option}: share</source>
        <translation>{option}占比</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>作答数</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Subject key</source>
        <translation>测评对象代号</translation>
    </message>
    <message>
        <source>Item key</source>
        <translation>项目代号</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>方面</translation>
    </message>
    <message>
        <source>Linked records</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>(not yet numbered)</source>
        <translation>（尚未编号）</translation>
    </message>
    <message>
        <source>Finding number</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>{town} (common to its villages)</source>
        <translation>{town}（各村共性问题）</translation>
    </message>
    <message>
        <source>{n} findings; the working paper of each follows on its own page.</source>
        <translation>共 {n} 个问题，各问题底稿依次附后，每个问题另起一页。</translation>
    </message>
    <message>
        <source>Finding working paper</source>
        <translation>问题底稿</translation>
    </message>
    <message>
        <source>Not signed off yet (status: {status}); this paper may still change.</source>
        <translation>本问题尚未签发（状态：{status}），底稿内容仍可能变动。</translation>
    </message>
    <message>
        <source>Town and village</source>
        <translation>所在镇、村</translation>
    </message>
    <message>
        <source>Amended after sign-off: the text above and below is as amended; the text as signed is kept under Amendments.</source>
        <translation>本问题签发后经过修改：本底稿所列为修改后内容，签发时原文见“修改记录”。</translation>
    </message>
    <message>
        <source>Review chain</source>
        <translation>审核流程</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Drafting</source>
        <translation>承办人起草</translation>
    </message>
    <message>
        <source>Back to drafting</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改事项</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>As signed off</source>
        <translation>签发时</translation>
    </message>
    <message>
        <source>As amended</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>The text as signed off, beside the text as amended:</source>
        <translation>签发时原文与修改后内容对照：</translation>
    </message>
    <message>
        <source>No Chinese TrueType font for PDF documents: install fonts-wqy-microhei and fonts-arphic-uming, or set XUNCHA_PDF_FONT to a .ttf or .ttc file</source>
        <translation>找不到生成 PDF 文件所需的中文 TrueType 字体：请安装 fonts-wqy-microhei 和 fonts-arphic-uming，或把环境变量 XUNCHA_PDF_FONT 设为一个 .ttf 或 .ttc 字体文件</translation>
    </message>
    <message>
        <source>The font {path} cannot be used in PDF documents: a TrueType font (.ttf or .ttc) with Chinese characters is needed</source>
        <translation>字体 {path} 不能用于 PDF 文件：需要含中文字符的 TrueType 字体（.ttf 或 .ttc）</translation>
    </message>
    <message>
        <source>No installed font has the character “{char}” ({code}), in “{context}”: install a font that has it (e.g. fonts-hanazono) or set XUNCHA_PDF_FONT to one</source>
        <translation>已安装的字体都没有字符“{char}”（{code}，见“{context}”）：请安装包含该字的字体（如 fonts-hanazono），或用 XUNCHA_PDF_FONT 指定</translation>
    </message>
    <message>
        <source>No single installed font has every character of “{context}”</source>
        <translation>没有一种已安装的字体包含“{context}”的全部字符</translation>
    </message>
    <message>
        <source>The signing key is {holder}&apos;s, but the packet names {issuer} as the person handing it over: sign with {issuer}&apos;s own key; nothing was signed</source>
        <translation>签名密钥属于{holder}，而移交材料写明的移交人是{issuer}：请用{issuer}本人的密钥签名；未签名任何材料</translation>
    </message>
    <message>
        <source>Handover packet {number}</source>
        <translation>巡察移交材料 {number}</translation>
    </message>
    <message>
        <source>Manifest of the packet</source>
        <translation>移交材料清单</translation>
    </message>
    <message>
        <source>Handover of inspection materials</source>
        <translation>巡察材料移交</translation>
    </message>
    <message>
        <source>Receipt of inspection materials</source>
        <translation>巡察材料签收</translation>
    </message>
    <message>
        <source>Received by {name}</source>
        <translation>接收人：{name}</translation>
    </message>
    <message>
        <source>Signed on {date} at {time}</source>
        <translation>签收时间：{date} {time}</translation>
    </message>
    <message>
        <source>Digital signature (PAdES)</source>
        <translation>数字签名（PAdES）</translation>
    </message>
    <message>
        <source>The round and the team</source>
        <translation>巡察基本情况</translation>
    </message>
    <message>
        <source>Democratic evaluation results</source>
        <translation>民主测评结果</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>证据材料清单</translation>
    </message>
    <message>
        <source>Handover and receipt</source>
        <translation>移交与签收</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>移交单位</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>份号</translation>
    </message>
    <message>
        <source>Classification and copy number</source>
        <translation>密级和份号</translation>
    </message>
    <message>
        <source>Packet number</source>
        <translation>材料编号</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Date of handover</source>
        <translation>移交日期</translation>
    </message>
    <message>
        <source>Problem clues</source>
        <translation>问题线索</translation>
    </message>
    <message>
        <source>Unfinished material</source>
        <translation>未定稿材料</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>Evidence attached</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} 个</translation>
    </message>
    <message>
        <source>State digest of the data</source>
        <translation>数据状态摘要</translation>
    </message>
    <message>
        <source>Signer&apos;s certificate</source>
        <translation>签名证书指纹</translation>
    </message>
    <message>
        <source>{holder}, issued by {issuer}</source>
        <translation>{holder}，由{issuer}签发</translation>
    </message>
    <message>
        <source>{holder}, this laptop&apos;s own key (self-signed)</source>
        <translation>{holder}，本机设备密钥（自签名）</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>清单文件指纹</translation>
    </message>
    <message>
        <source>This packet is signed by the person handing it over (PAdES). Check it with “xuncha verify FILE.pdf”; the manifest and the evidence files are attached.</source>
        <translation>本材料由移交人数字签名（PAdES）。可用“xuncha verify 文件.pdf”核验；清单和证据文件作为附件嵌入本文件。</translation>
    </message>
    <message>
        <source>Handover packet</source>
        <translation>巡察移交材料</translation>
    </message>
    <message>
        <source>{findings} findings not signed off, {evaluations} evaluation results not verified, the village report frameworks</source>
        <translation>尚未签发的问题{findings}个、尚未核对一致的测评结果{evaluations}项、各村巡察报告框架</translation>
    </message>
    <message>
        <source>In the annex “Unfinished material”, not final: {what}</source>
        <translation>列入“未定稿附件”（非定稿）：{what}</translation>
    </message>
    <message>
        <source>Left out (only final material is signed): {what}</source>
        <translation>未列入（只签名定稿材料）：{what}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目&#x3000;录</translation>
    </message>
    <message>
        <source>The chosen villages have no democratic evaluation yet.</source>
        <translation>所选村（社区）尚无民主测评记录。</translation>
    </message>
    <message>
        <source>These results cannot be counted: {problem}</source>
        <translation>测评结果无法统计：{problem}</translation>
    </message>
    <message>
        <source>Round: {name} ({year})</source>
        <translation>巡察轮次：{name}（{year} 年）</translation>
    </message>
    <message>
        <source>Team: {team}, {n} members:</source>
        <translation>巡察组：{team}，共 {n} 人：</translation>
    </message>
    <message>
        <source>The round covers {districts} districts, {towns} towns and {villages} villages; this packet concerns {n} of the villages:</source>
        <translation>本轮巡察涉及 {districts} 个区（县、市）、{towns} 个镇（街道）、{villages} 个村（社区）；本材料涉及其中 {n} 个村（社区）：</translation>
    </message>
    <message>
        <source>This packet has no evidence files.</source>
        <translation>本材料无证据文件。</translation>
    </message>
    <message>
        <source>The {n} files below are attached to this PDF (the attachments panel of a PDF reader, or pdfdetach, takes them out); their SHA-256 lets anyone check them.</source>
        <translation>以下 {n} 个文件作为附件嵌入本 PDF 文件（可在 PDF 阅读器的“附件”面板或用 pdfdetach 取出），可用 SHA-256 值核对。</translation>
    </message>
    <message>
        <source>File and SHA-256</source>
        <translation>文件名及 SHA-256</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>The photos among them, printed smaller (the attached files are the originals):</source>
        <translation>其中的照片缩小印制如下（以所附文件为原件）：</translation>
    </message>
    <message>
        <source>Evidence {n}: {name} ({owner})</source>
        <translation>证据 {n}：{name}（{owner}）</translation>
    </message>
    <message>
        <source>{n} B</source>
        <translation>{n} B</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>This packet has {pages} pages and {n} evidence files. The person handing it over signs it digitally; the receiver signs in the field below, which leaves the first signature valid.</source>
        <translation>本材料共 {pages} 页，证据文件 {n} 个。移交人以数字签名签署；接收人在下方签名栏签收，签收不影响移交人签名的效力。</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>日期：{date}</translation>
    </message>
    <message>
        <source>Handed over by (signature)</source>
        <translation>移交人（签名）</translation>
    </message>
    <message>
        <source>Received by (signature)</source>
        <translation>接收人（签名）</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>编号：{number}</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>第 {page} 页 共 {total} 页</translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>clues not handed over before the date of this packet</source>
        <translation>移交日期前尚未移交的线索</translation>
    </message>
    <message>
        <source>every clue of the chosen villages</source>
        <translation>所选村（社区）的全部线索</translation>
    </message>
    <message>
        <source>no clues</source>
        <translation>不含线索</translation>
    </message>
    <message>
        <source>{n} items ({rule}): {handed} registered as handed over, {pending} not yet registered</source>
        <translation>{n} 件（{rule}）：已登记移交 {handed} 件，尚未登记移交 {pending} 件</translation>
    </message>
    <message>
        <source>; {n} more left out (not visible to the signer, or sealed)</source>
        <translation>；另有 {n} 件签名人无权查看或已密封，未列入</translation>
    </message>
    <message>
        <source>(sealed clue)</source>
        <translation>（密封线索）</translation>
    </message>
    <message>
        <source>Letter on handing over problem clues</source>
        <translation>关于移交问题线索的函</translation>
    </message>
    <message>
        <source>{receiver}:</source>
        <translation>{receiver}：</translation>
    </message>
    <message>
        <source>(receiving office)</source>
        <translation>（接收单位）</translation>
    </message>
    <message>
        <source>In accordance with the arrangements of {round}, {team} inspected {villages}.</source>
        <translation>根据{round}工作安排，{team}对{villages}开展了巡察。</translation>
    </message>
    <message>
        <source> The {n} problem clues found in the inspection are handed over to you with this letter, as listed in the attached clue list, each with its working paper and evidence, to be dealt with according to the rules.</source>
        <translation>现将巡察中发现的问题线索 {n} 件移交你单位（见所附问题线索登记表，每件线索附线索底稿及佐证材料），请按照有关规定处置。</translation>
    </message>
    <message>
        <source>Of these clues, {handed} are registered as handed over in the clue register and numbered; {pending} are not registered yet and get their numbers when they are.</source>
        <translation>上述线索中，已在线索登记簿登记移交并编号的 {handed} 件，尚未登记移交的 {pending} 件（登记移交时编号）。</translation>
    </message>
    <message>
        <source> {n} of them are sealed: this packet lists them by number only, and their content is handed to you separately under seal.</source>
        <translation>其中密封线索{n}件，本材料仅列其编号，内容另行密封移交。</translation>
    </message>
    <message>
        <source>Please report back to the team on how each clue was dealt with within three months of receiving it.</source>
        <translation>请于收到之日起三个月内将线索处置情况反馈巡察组。</translation>
    </message>
    <message>
        <source>Attached: 1. the clue list; 2. the working papers of the {n} clues with their evidence</source>
        <translation>附件：1. 问题线索登记表；2. 问题线索底稿 {n} 份及佐证材料</translation>
    </message>
    <message>
        <source>{team}, {date}</source>
        <translation>{team}&#x3000;{date}</translation>
    </message>
    <message>
        <source>Clue number</source>
        <translation>线索编号</translation>
    </message>
    <message>
        <source>Evidence items</source>
        <translation>佐证（件）</translation>
    </message>
    <message>
        <source>(sealed)</source>
        <translation>（密封）</translation>
    </message>
    <message>
        <source>{town} (whole town)</source>
        <translation>{town}（全镇）</translation>
    </message>
    <message>
        <source>Handed over separately under seal</source>
        <translation>内容另行密封移交</translation>
    </message>
    <message>
        <source>The whole summary and the evidence of each clue are in its working paper.</source>
        <translation>线索的完整内容和佐证材料见各线索底稿。</translation>
    </message>
    <message>
        <source>Problem clue working paper</source>
        <translation>问题线索底稿</translation>
    </message>
    <message>
        <source>This clue is sealed: who it is about, what it says and its evidence are not in this packet. They are handed to the receiver separately, under seal, against this clue number.</source>
        <translation>本线索为密封线索，其反映对象、内容和证据不载入本材料，按本线索编号另行密封移交接收单位。</translation>
    </message>
    <message>
        <source>Handed over on {date} to {receiver} by {by}, received by {received}</source>
        <translation>{date}由{by}移交{receiver}，接收人：{received}</translation>
    </message>
    <message>
        <source>Not yet registered as handed over in the clue register</source>
        <translation>尚未在线索登记簿中登记移交</translation>
    </message>
    <message>
        <source>{date}: {result}</source>
        <translation>{date}：{result}</translation>
    </message>
    <message>
        <source>No feedback yet</source>
        <translation>尚未反馈</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>移交情况</translation>
    </message>
    <message>
        <source>Summary of the problem</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <source>The packet has no manifest ({name})</source>
        <translation>移交材料中没有清单文件（{name}）</translation>
    </message>
    <message>
        <source>The packet does not record the manifest&apos;s SHA-256</source>
        <translation>移交材料中没有记录清单文件的 SHA-256</translation>
    </message>
    <message>
        <source>The manifest is not the one the packet was signed with</source>
        <translation>清单文件不是签名时的那一份</translation>
    </message>
    <message>
        <source>The manifest is damaged or not a packet manifest</source>
        <translation>清单文件已损坏，或不是移交材料的清单</translation>
    </message>
    <message>
        <source>Evidence {name} is listed but not embedded</source>
        <translation>证据文件 {name} 列在清单中，但未嵌入</translation>
    </message>
    <message>
        <source>Evidence {name} does not match its SHA-256 in the list</source>
        <translation>证据文件 {name} 与清单中的 SHA-256 不符</translation>
    </message>
    <message>
        <source>Embedded file {name} is not in the evidence list</source>
        <translation>嵌入的文件 {name} 不在证据清单中</translation>
    </message>
    <message>
        <source>Closed out on {date}</source>
        <translation>已于{date}销号</translation>
    </message>
    <message>
        <source>Being rectified, {n} days overdue</source>
        <translation>整改中，已逾期 {n} 天</translation>
    </message>
    <message>
        <source>{place}: immediate rectification notice</source>
        <translation>{place}立行立改通知书</translation>
    </message>
    <message>
        <source>{place}: rectification notice</source>
        <translation>{place}整改通知书</translation>
    </message>
    <message>
        <source>Immediate rectification notice</source>
        <translation>立行立改通知书</translation>
    </message>
    <message>
        <source>{place} party organisation:</source>
        <translation>{place}党组织：</translation>
    </message>
    <message>
        <source>In the inspection the team found the problems below, which harm villagers&apos; direct interests and can be put right at once. Put them right immediately, by the deadlines given, and report to the team in writing when each is done.</source>
        <translation>巡察组在巡察中发现以下损害群众切身利益、能够立即解决的问题，请立行立改，在规定期限内整改到位，并将整改情况书面报告巡察组。</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>What to put right</source>
        <translation>立改要求</translation>
    </message>
    <message>
        <source>Rectification notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <source>Following the inspection, rectify the problems below item by item with the measures, responsible persons and deadlines given; report on each item to the team by its deadline, and make the results public.</source>
        <translation>根据巡察反馈意见，请你村（社区）对以下问题按照整改措施、责任人和时限逐项整改，按期向巡察组报告整改情况，并公开整改结果。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>No rectification tasks are registered for this place yet.</source>
        <translation>暂无登记的整改任务。</translation>
    </message>
    <message>
        <source>Suggestions for rectification</source>
        <translation>整改意见建议</translation>
    </message>
    <message>
        <source>Rules and systems to improve</source>
        <translation>完善制度</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Public notice of the inspection&apos;s problems and their rectification</source>
        <translation>巡察反馈问题及整改情况公示</translation>
    </message>
    <message>
        <source>In accordance with the arrangements of {round}, {team} inspected {village}. The problems found and how each is being rectified are made public below, for the villagers to see and judge. Views on the rectification may be given to the village party organisation or to the inspection team.</source>
        <translation>根据{round}工作安排，{team}对{village}开展了巡察。现将巡察反馈问题及整改情况公布如下，接受群众监督。对整改情况有意见的，可向村党组织或巡察组反映。</translation>
    </message>
    <message>
        <source>No problems found in the inspection are published for this village yet.</source>
        <translation>本村（社区）暂无需公布的巡察反馈问题。</translation>
    </message>
    <message>
        <source>Rectification measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Measures being drawn up</source>
        <translation>整改措施制定中</translation>
    </message>
    <message>
        <source>Form {key}, version {version}; record {id}</source>
        <translation>表单 {key}（第 {version} 版）；记录 {id}</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(unknown person)</source>
        <translation>（未知人员）</translation>
    </message>
    <message>
        <source>{village}: report outline</source>
        <translation>{village}巡察报告框架</translation>
    </message>
    <message>
        <source>Report on the inspection of {village} (outline)</source>
        <translation>关于对{village}巡察情况的报告（框架）</translation>
    </message>
    <message>
        <source>Made from the inspection data; the parts marked “(to be written by the team)” are for the team to write.</source>
        <translation>本框架根据巡察数据生成，标注“（待巡察组撰写）”的部分由巡察组撰写。</translation>
    </message>
    <message>
        <source>General situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>(to be written by the team)</source>
        <translation>（待巡察组撰写）</translation>
    </message>
    <message>
        <source>Work done in the village:</source>
        <translation>巡察工作开展情况：</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Main figures:</source>
        <translation>主要数据：</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Main problems found</source>
        <translation>发现的主要问题</translation>
    </message>
    <message>
        <source>Aspect: {aspect}</source>
        <translation>{aspect}方面</translation>
    </message>
    <message>
        <source>(no signed-off findings)</source>
        <translation>（暂无已签发的问题）</translation>
    </message>
    <message>
        <source> (common to the town&apos;s villages)</source>
        <translation>（各村共性问题）</translation>
    </message>
    <message>
        <source>{n} more findings are not signed off yet and are not listed.</source>
        <translation>另有 {n} 个问题尚未签发，未列入。</translation>
    </message>
    <message>
        <source>Rules and systems to improve:</source>
        <translation>完善制度：</translation>
    </message>
    <message>
        <source>Problem clues handed over</source>
        <translation>移交问题线索</translation>
    </message>
    <message>
        <source>{n} problem clues of the village have been handed over.</source>
        <translation>已移交本村问题线索 {n} 件。</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步工作建议</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>of which signed off</source>
        <translation>其中：已签发</translation>
    </message>
    <message>
        <source>of which {what}</source>
        <translation>其中：{what}</translation>
    </message>
    <message>
        <source>Immediate rectifications</source>
        <translation>立行立改</translation>
    </message>
    <message>
        <source>Rectification tasks</source>
        <translation>整改任务</translation>
    </message>
    <message>
        <source>Measures closed out</source>
        <translation>已销号事项</translation>
    </message>
    <message>
        <source>The signing key cannot be used ({what}): wrong password, or not a key file</source>
        <translation>无法使用签名密钥（{what}）：密码错误，或不是密钥文件</translation>
    </message>
    <message>
        <source>The packet could not be signed</source>
        <translation>移交材料未能签名</translation>
    </message>
    <message>
        <source>Signature {n} ({field}): {signer}, signed {time}; certificate SHA-256 {fingerprint}</source>
        <translation>签名 {n}（{field}）：{signer}，签名时间 {time}；证书 SHA-256 {fingerprint}</translation>
    </message>
    <message>
        <source>trusted: the certificate leads to a --trust certificate</source>
        <translation>受信任：证书可追溯到 --trust 指定的证书</translation>
    </message>
    <message>
        <source>self-signed certificate: not checked against a trust anchor</source>
        <translation>自签名证书：未与信任证书核对</translation>
    </message>
    <message>
        <source>certificate issued by {issuer}: not checked against a trust anchor</source>
        <translation>证书由 {issuer} 签发：未与信任证书核对</translation>
    </message>
    <message>
        <source>Signature field {field} is not signed yet</source>
        <translation>{field}签名栏尚未签名</translation>
    </message>
    <message>
        <source>Not a readable PDF file: {detail}</source>
        <translation>不是可读取的 PDF 文件：{detail}</translation>
    </message>
    <message>
        <source>The file has no signature</source>
        <translation>文件没有数字签名</translation>
    </message>
    <message>
        <source>The attached files cannot be read: {detail}</source>
        <translation>无法读取嵌入的文件：{detail}</translation>
    </message>
    <message>
        <source>The packet is certified with another certificate than the one its manifest names</source>
        <translation>移交材料的签名证书与清单中载明的证书不一致</translation>
    </message>
    <message>
        <source>The packet names {issuer} as the person handing it over, but {signer} signed it</source>
        <translation>移交材料写明移交人为{issuer}，但签名的是{signer}</translation>
    </message>
    <message>
        <source>it does not begin with %PDF-</source>
        <translation>文件开头不是 %PDF-</translation>
    </message>
    <message>
        <source>it is cut short (it does not end with %%EOF): perhaps it was copied or downloaded only in part</source>
        <translation>文件不完整（结尾没有 %%EOF）：可能只复制或下载了一部分</translation>
    </message>
    <message>
        <source>Signature {field}: the signature value is damaged and cannot be read</source>
        <translation>签名 {field}：签名值已损坏，无法读取</translation>
    </message>
    <message>
        <source>Signature {field}: the certificate in it is not the one it was made with (replaced or damaged)</source>
        <translation>签名 {field}：其中的证书不是签名时所用的证书（已被替换或损坏）</translation>
    </message>
    <message>
        <source>Signature {field} ({signer}) cannot be checked: {detail}</source>
        <translation>{field}签名（{signer}）无法核验：{detail}</translation>
    </message>
    <message>
        <source>Signature {field} ({signer}): the signed content has been changed</source>
        <translation>{field}签名（{signer}）：已签名的内容被改动过</translation>
    </message>
    <message>
        <source>Signature {field} ({signer}): the signature does not match the signer&apos;s certificate</source>
        <translation>{field}签名（{signer}）：签名值与签名人证书不符</translation>
    </message>
    <message>
        <source>Signature {field} ({signer}): the certificate is not trusted (it does not lead to a --trust certificate)</source>
        <translation>{field}签名（{signer}）：证书不受信任（不能追溯到 --trust 指定的证书）</translation>
    </message>
    <message>
        <source>Signature {field} ({signer}): the file was changed after it in a way its permissions do not allow</source>
        <translation>{field}签名（{signer}）：签名后文件被以其权限不允许的方式修改</translation>
    </message>
    <message>
        <source>{n} bytes were added after the last signature ({field}): the file was changed after it was signed</source>
        <translation>最后一个签名（{field}）之后追加了 {n} 字节：文件在签名后被修改</translation>
    </message>
    <message>
        <source>Ballot sheet {path}</source>
        <translation>选票录入表 {path}</translation>
    </message>
    <message>
        <source>use a .csv or .xlsx file</source>
        <translation>请使用 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <source>the first row must be the header (serial, …, void)</source>
        <translation>第一行必须是表头（serial, …, void）</translation>
    </message>
    <message>
        <source>the column appears twice</source>
        <translation>该列重复出现</translation>
    </message>
    <message>
        <source>unknown column for questionnaire {key}</source>
        <translation>测评表 {key} 中没有这一列</translation>
    </message>
    <message>
        <source>row {row}: no column {name}</source>
        <translation>第 {row} 行：缺少 {name} 列</translation>
    </message>
    <message>
        <source>a value outside the header&apos;s columns</source>
        <translation>表头以外的列中有内容</translation>
    </message>
    <message>
        <source>the serial is missing</source>
        <translation>缺少选票编号</translation>
    </message>
    <message>
        <source>serial {serial} is already on row {row}</source>
        <translation>选票编号 {serial} 已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>{value} is not an option number (1 to {n})</source>
        <translation>{value} 不是选项编号（1 至 {n}）</translation>
    </message>
    <message>
        <source>option {value} is out of range (1 to {n})</source>
        <translation>选项 {value} 超出范围（1 至 {n}）</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {problem}</source>
        <translation>第 {row} 行 {column} 列：{problem}</translation>
    </message>
    <message>
        <source> (and {n} more problems)</source>
        <translation>（另有 {n} 处问题）</translation>
    </message>
    <message>
        <source>not a readable CSV file ({why})</source>
        <translation>无法读取的 CSV 文件（{why}）</translation>
    </message>
    <message>
        <source>not a readable .xlsx workbook</source>
        <translation>无法读取的 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>A clue handed over can no longer be changed</source>
        <translation>问题线索已移交，不能再修改</translation>
    </message>
    <message>
        <source>Only the leader or a deputy leader may hand over a clue</source>
        <translation>只有组长或副组长可以移交问题线索</translation>
    </message>
    <message>
        <source>This clue has already been handed over</source>
        <translation>此问题线索已经移交</translation>
    </message>
    <message>
        <source>Name the person who received the clue</source>
        <translation>请填写接收人</translation>
    </message>
    <message>
        <source>Feedback comes after the clue is handed over</source>
        <translation>问题线索移交后才能登记反馈</translation>
    </message>
    <message>
        <source>Write what the receiver reported</source>
        <translation>请填写接收单位反馈的情况</translation>
    </message>
    <message>
        <source>This clue is not visible to you</source>
        <translation>您无权查看此问题线索</translation>
    </message>
    <message>
        <source>the leader&apos;s base</source>
        <translation>组长建立的基础数据</translation>
    </message>
    <message>
        <source>registers of {name}</source>
        <translation>{name} 的台账</translation>
    </message>
    <message>
        <source>step records of {name}</source>
        <translation>{name} 的环节记录</translation>
    </message>
    <message>
        <source>Two or more options ticked on one row</source>
        <translation>同一行勾选了多个选项</translation>
    </message>
    <message>
        <source>Ballot {serial} was not saved</source>
        <translation>{serial} 号票未保存</translation>
    </message>
    <message>
        <source>The evaluation was not changed</source>
        <translation>测评设置未修改</translation>
    </message>
    <message>
        <source>the evaluation&apos;s questionnaire</source>
        <translation>本次测评的测评表</translation>
    </message>
    <message>
        <source>ballots are already keyed; the questionnaire and the members cannot change any more</source>
        <translation>已经录入了测评票，测评表和两委成员不能再修改</translation>
    </message>
    <message>
        <source>the serial number is empty</source>
        <translation>编号为空</translation>
    </message>
    <message>
        <source>serials already keyed: {serials}</source>
        <translation>以下编号已录入：{serials}</translation>
    </message>
    <message>
        <source>no ballots are to be issued</source>
        <translation>发出票数为 0，没有要打印的测评票</translation>
    </message>
    <message>
        <source>serials keyed twice: {serials}</source>
        <translation>以下编号重复录入：{serials}</translation>
    </message>
    <message>
        <source>No village called {name} (give its name or id)</source>
        <translation>没有名为 {name} 的村（社区）（请给出名称或编号）</translation>
    </message>
    <message>
        <source>More than one village is called {name}: give its id ({ids})</source>
        <translation>名为 {name} 的村（社区）不止一个：请给出编号（{ids}）</translation>
    </message>
    <message>
        <source>The packet would cover no village (this database holds none, or none was chosen); a packet is made from the database the villages are in</source>
        <translation>移交材料不涉及任何村（本数据库中没有村，或未选择村）；请在含有这些村的数据库中制作移交材料</translation>
    </message>
    <message>
        <source>{name} is the team&apos;s {role}: only the team leader hands a packet over; make it from the leader&apos;s database</source>
        <translation>{name}是本组{role}：只有组长才能移交材料；请在组长的数据库中制作</translation>
    </message>
    <message>
        <source>The signing key names {name} but is self-signed and is none of {name}&apos;s laptops in this round: sign with this laptop&apos;s own key or a certificate an organisation issued to {name}; nothing was signed</source>
        <translation>签名密钥写的是{name}，但它是自签名的，且不是{name}在本轮的任何一台电脑的密钥：请用本机密钥或组织为{name}签发的证书签名；未签名任何材料</translation>
    </message>
    <message>
        <source>The data changed while the packet was being made; make it again</source>
        <translation>生成移交材料期间数据发生了变化，请重新生成</translation>
    </message>
    <message>
        <source>attachment {blob} is missing</source>
        <translation>附件 {blob} 缺失</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> 等，另有 {n} 项</translation>
    </message>
    <message>
        <source>this laptop&apos;s own key</source>
        <translation>本机自带的密钥</translation>
    </message>
    <message>
        <source>Reading the data…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Laying out and signing {n} villages…</source>
        <translation>正在排版并签名（{n} 个村（社区））…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written</source>
        <translation>已取消，未写入任何文件</translation>
    </message>
    <message>
        <source>Not a certificate (PEM or DER): {path}</source>
        <translation>不是证书文件（PEM 或 DER）：{path}</translation>
    </message>
    <message>
        <source>{path} holds no round to join</source>
        <translation>{path} 中没有可加入的巡察轮次</translation>
    </message>
    <message>
        <source>{name} is on the roster more than once; ask the leader to correct the roster first</source>
        <translation>名单上有多个“{name}”，请先请组长更正名单</translation>
    </message>
    <message>
        <source>This file belongs to another inspection round; it was not merged: {path}</source>
        <translation>该文件属于另一个巡察轮次，未合并：{path}</translation>
    </message>
    <message>
        <source>The exchange file&apos;s signed manifest does not verify; the file was not merged</source>
        <translation>交换文件的签名清单验证失败，该文件未合并</translation>
    </message>
    <message>
        <source>{n} of its revisions do not hold (each is listed); nothing of this file was merged</source>
        <translation>其中 {n} 条修订不成立（逐条列出）；此文件的内容均未合并</translation>
    </message>
    <message>
        <source>Backing up the target</source>
        <translation>正在备份目标数据库</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>正在刷新</translation>
    </message>
    <message>
        <source>revision {rid}: creates anew a record that exists already</source>
        <translation>修订 {rid}：重新创建了一条已存在的记录</translation>
    </message>
    <message>
        <source>revision {rid}: deletes a record of another inspector</source>
        <translation>修订 {rid}：删除了其他巡察人员的记录</translation>
    </message>
    <message>
        <source>revision {rid}: its encrypted part holds more than its restricted content</source>
        <translation>修订 {rid}：加密部分含有受限内容以外的字段</translation>
    </message>
    <message>
        <source>revision {rid}: its restricted content is encrypted to this laptop but does not open with its key</source>
        <translation>修订 {rid}：受限内容是加密给本机的，但用本机密钥无法解开</translation>
    </message>
    <message>
        <source>its revisions differ from the signed list</source>
        <translation>其中的修订与签名清单不符</translation>
    </message>
    <message>
        <source>Preview (nothing was changed)</source>
        <translation>预览（未作任何改动）</translation>
    </message>
    <message>
        <source>Merge finished</source>
        <translation>合并完成</translation>
    </message>
    <message>
        <source>refused: {why}</source>
        <translation>未合并：{why}</translation>
    </message>
    <message>
        <source>database (not signed)</source>
        <translation>数据库（无签名）</translation>
    </message>
    <message>
        <source>{new} new revisions, {records} new records, {deletions} deletions, {attachments} attachments, {conflicts} new conflicts</source>
        <translation>新修订 {new} 条，新记录 {records} 条，删除 {deletions} 条，附件 {attachments} 个，新冲突 {conflicts} 个</translation>
    </message>
    <message>
        <source>{n} of {total} files were not merged</source>
        <translation>{total} 个文件中有 {n} 个未合并</translation>
    </message>
    <message>
        <source>Nothing new: the target already holds everything.</source>
        <translation>没有新内容：目标数据库已包含全部数据。</translation>
    </message>
    <message>
        <source>{n} revisions, {c} records in conflict, digest {d}</source>
        <translation>共 {n} 条修订，{c} 条记录有冲突，摘要 {d}</translation>
    </message>
    <message>
        <source>Backup of the target before merging: {path}</source>
        <translation>合并前的目标数据库备份：{path}</translation>
    </message>
    <message>
        <source>You are not on the round&apos;s roster</source>
        <translation>您不在本轮巡察人员名单中</translation>
    </message>
    <message>
        <source>The village is not in the town chosen</source>
        <translation>该村（社区）不属于所选镇（街道）</translation>
    </message>
    <message>
        <source>Choose a village, or a town for a problem common to its villages</source>
        <translation>请选择村（社区）；属于全镇各村共性问题的，请选择镇（街道）</translation>
    </message>
    <message>
        <source>no such attached file</source>
        <translation>没有该附件</translation>
    </message>
    <message>
        <source>Only the leader may set the number pattern</source>
        <translation>只有组长可以设置编号规则</translation>
    </message>
    <message>
        <source>Only a numbered finding or clue can be renumbered</source>
        <translation>只有已编号的问题或问题线索可以重新编号</translation>
    </message>
    <message>
        <source>Only the leader may renumber</source>
        <translation>只有组长可以重新编号</translation>
    </message>
    <message>
        <source>This item is closed out; reopen it to change it</source>
        <translation>该事项已销号，须先撤销销号才能修改</translation>
    </message>
    <message>
        <source>Only the leader or a deputy leader may reopen an item</source>
        <translation>只有组长或副组长可以撤销销号</translation>
    </message>
    <message>
        <source>Only an item closed out can be reopened</source>
        <translation>只有已销号的事项可以撤销销号</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>no form for the step {step}</source>
        <translation>环节 {step} 没有表单</translation>
    </message>
    <message>
        <source>revision {rid}: indexed columns differ from the envelope</source>
        <translation>修订 {rid}：索引列与信封内容不符</translation>
    </message>
    <message>
        <source>revision {rid}: parent links differ from the envelope</source>
        <translation>修订 {rid}：上一版本链接与信封内容不符</translation>
    </message>
    <message>
        <source>revision {rid}: attachment links differ from the envelope</source>
        <translation>修订 {rid}：附件链接与信封内容不符</translation>
    </message>
    <message>
        <source>blob {blob}: hash does not match its content</source>
        <translation>附件 {blob}：哈希值与内容不符</translation>
    </message>
    <message>
        <source>revision {rid}: parent {parent} belongs to another record</source>
        <translation>修订 {rid}：上一版本 {parent} 属于其他记录</translation>
    </message>
    <message>
        <source>table {table}: differs from a rebuild from revisions</source>
        <translation>数据表 {table}：与按修订重建的结果不符</translation>
    </message>
    <message>
        <source>Add photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add photos or scans</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <source>Pictures and documents (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;All files (*)</source>
        <translation>图片和文档 (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{name} is larger than 64 MiB</source>
        <translation>{name} 超过 64 MiB</translation>
    </message>
    <message>
        <source>Illegible</source>
        <translation>无法辨认</translation>
    </message>
    <message>
        <source>Not an issued ballot</source>
        <translation>不是发出的测评票</translation>
    </message>
    <message>
        <source>Torn or defaced</source>
        <translation>破损或污损</translation>
    </message>
    <message>
        <source>Void ballot (F9)</source>
        <translation>作废本票 (F9)</translation>
    </message>
    <message>
        <source>Keys: 1–{n} answer, 0 blank, Backspace undo, Enter next ballot, F9 void, Ctrl+L serial</source>
        <translation>按键：1–{n} 选择答案，0 空白，退格键撤销，回车键下一张，F9 作废，Ctrl+L 输入编号</translation>
    </message>
    <message>
        <source>This ballot</source>
        <translation>本票</translation>
    </message>
    <message>
        <source>0 blank</source>
        <translation>0 空白</translation>
    </message>
    <message>
        <source>{entry}: {n} ballots saved ({void} void)</source>
        <translation>{entry}：已保存 {n} 张（其中 {void} 张作废）</translation>
    </message>
    <message>
        <source>Only 1–{n} and 0 are answers</source>
        <translation>只能按 1–{n} 或 0</translation>
    </message>
    <message>
        <source>The ballot is complete: Enter saves it, Backspace corrects</source>
        <translation>本票已录完：按回车键保存，按退格键更正</translation>
    </message>
    <message>
        <source>Correcting ballot {serial}</source>
        <translation>正在更正 {serial} 号票</translation>
    </message>
    <message>
        <source>{n} answers still to key (0 for a blank)</source>
        <translation>还有 {n} 项未录（空白按 0）</translation>
    </message>
    <message>
        <source>Void ballot</source>
        <translation>作废本票</translation>
    </message>
    <message>
        <source>Why is ballot {serial} void?</source>
        <translation>{serial} 号票作废的原因：</translation>
    </message>
    <message>
        <source>Ballot {serial} saved</source>
        <translation>{serial} 号票已保存</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Choose per field which value to keep, or type the right one in the last column. Nothing is decided for you.</source>
        <translation>请逐个字段选择要保留的值，或在最后一列填写正确的值。程序不会替您做决定。</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Common ancestor</source>
        <translation>共同的上一版本</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Keep the record with the values chosen</source>
        <translation>按所选的值保留该记录</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>保持删除</translation>
    </message>
    <message>
        <source>Choose a value for every highlighted field first: {fields}</source>
        <translation>请先为每个标出的字段选择取值：{fields}</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>e.g. 2026 first round of village inspections</source>
        <translation>例如：2026年第一轮村（社区）巡察</translation>
    </message>
    <message>
        <source>e.g. Second inspection team</source>
        <translation>例如：第二巡察组</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>您的职务</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Inspection database (*.db)</source>
        <translation>巡察数据库 (*.db)</translation>
    </message>
    <message>
        <source>The two passphrases differ</source>
        <translation>两次输入的口令不一致</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>可能重复的记录</translation>
    </message>
    <message>
        <source>Records created separately on two laptops with the same name in the same place. Decide for each pair; nothing is merged for you.</source>
        <translation>两台电脑分别新建、名称和所属位置都相同的记录。请逐对作出决定，程序不会替您合并。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record ids</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>The same</source>
        <translation>是同一条</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>不是同一条</translation>
    </message>
    <message>
        <source>No possible duplicates.</source>
        <translation>没有可能重复的记录。</translation>
    </message>
    <message>
        <source>Serial numbers keyed twice: {serials}. Key each of these ballots again to keep one.</source>
        <translation>以下编号重复录入：{serials}。请把这些票各重新录入一次，只保留一张。</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <source>Quorum {rule}: {verdict}</source>
        <translation>到会要求 {rule}：{verdict}</translation>
    </message>
    <message>
        <source>The count is final: both entries agree.</source>
        <translation>两遍录入一致，计票结果已定稿。</translation>
    </message>
    <message>
        <source>Provisional: the verifying entry does not yet agree with the first ({n} differences).</source>
        <translation>结果未定稿：核对录入与第一遍录入尚不一致（{n} 处差异）。</translation>
    </message>
    <message>
        <source>Democratic evaluation in {village}</source>
        <translation>{village}民主测评</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>每行一个姓名</translation>
    </message>
    <message>
        <source>Expected (应到)</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Present (实到)</source>
        <translation>实到</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Subject · item</source>
        <translation>测评对象 · 项目</translation>
    </message>
    <message>
        <source>Correct in the {entry}</source>
        <translation>在{entry}中更正</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Print blank ballots…</source>
        <translation>打印空白测评票…</translation>
    </message>
    <message>
        <source>Import a sheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <source>Save results as PDF…</source>
        <translation>结果存为 PDF…</translation>
    </message>
    <message>
        <source>Save results as Excel…</source>
        <translation>结果存为 Excel…</translation>
    </message>
    <message>
        <source>the whole ballot</source>
        <translation>整张票</translation>
    </message>
    <message>
        <source>keyed twice</source>
        <translation>重复录入</translation>
    </message>
    <message>
        <source>Both entries agree: the count is final.</source>
        <translation>两遍录入一致，计票结果已定稿。</translation>
    </message>
    <message>
        <source>{n} differences between the entries. Check the paper ballot, then correct the entry that is wrong.</source>
        <translation>两遍录入有 {n} 处差异。请核对纸质测评票，再更正录错的一遍。</translation>
    </message>
    <message>
        <source>Differences ({n})</source>
        <translation>差异（{n}）</translation>
    </message>
    <message>
        <source>Print blank ballots</source>
        <translation>打印空白测评票</translation>
    </message>
    <message>
        <source>{n} ballots, numbered 0001 to {last}. Ballots per A4 page:</source>
        <translation>共 {n} 张，编号 0001 至 {last}。每张 A4 纸印几张：</translation>
    </message>
    <message>
        <source>Save the blank ballots</source>
        <translation>保存空白测评票</translation>
    </message>
    <message>
        <source>Import a sheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Key the sheet&apos;s ballots into:</source>
        <translation>表格中的票录入到：</translation>
    </message>
    <message>
        <source>Ballot sheets (*.csv *.xlsx)</source>
        <translation>测评票表格 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>保存测评结果</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Ballot not finished</source>
        <translation>测评票未录完</translation>
    </message>
    <message>
        <source>Ballot {serial} is only partly keyed. Close and discard its answers?</source>
        <translation>{serial} 号票只录了一部分。关闭并放弃已录的答案吗？</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Note (required when a problem is found)</source>
        <translation>说明（发现问题时必填）</translation>
    </message>
    <message>
        <source>Names separated by 、</source>
        <translation>多个姓名用“、”分隔</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>没有内容。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>已删除的记录</translation>
    </message>
    <message>
        <source>Join a round</source>
        <translation>加入本轮巡察</translation>
    </message>
    <message>
        <source>Start from the exchange file the leader gave you: the round, the team and the villages come with it; this laptop gets your own key.</source>
        <translation>从组长给你的交换文件开始：轮次、巡察组和村（社区）随文件导入；本机生成你自己的密钥。</translation>
    </message>
    <message>
        <source>As the leader wrote it on the roster</source>
        <translation>与组长登记的名单一致</translation>
    </message>
    <message>
        <source>Exchange file from the leader</source>
        <translation>组长的交换文件</translation>
    </message>
    <message>
        <source>Exchange passphrase</source>
        <translation>交换口令</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>新数据库文件</translation>
    </message>
    <message>
        <source>Your role (if you are new to the roster)</source>
        <translation>你的角色（名单上没有你时）</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Exchange files (*.xch);;All files (*)</source>
        <translation>交换文件 (*.xch);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the exchange file…</source>
        <translation>正在检查交换文件…</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>{name} is locked. Enter the passphrase to go on.</source>
        <translation>{name} 已锁定。输入口令继续。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Quit the program</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>口令错误。</translation>
    </message>
    <message>
        <source>Add district…</source>
        <translation>新增区（县、市）…</translation>
    </message>
    <message>
        <source>Add town…</source>
        <translation>新增镇（街道）…</translation>
    </message>
    <message>
        <source>Add village…</source>
        <translation>新增村（社区）…</translation>
    </message>
    <message>
        <source>No backup today: {why}</source>
        <translation>今天未能备份：{why}</translation>
    </message>
    <message>
        <source>Today&apos;s backup: {name}</source>
        <translation>今日备份：{name}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Round</source>
        <translation>轮次(&amp;R)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>修改历史…</translation>
    </message>
    <message>
        <source>Deleted records…</source>
        <translation>已删除的记录…</translation>
    </message>
    <message>
        <source>Registers…</source>
        <translation>登记簿…</translation>
    </message>
    <message>
        <source>Steps of the round…</source>
        <translation>巡察环节…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>冲突…</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>Export exchange file…</source>
        <translation>导出交换文件…</translation>
    </message>
    <message>
        <source>Merge the team&apos;s data…</source>
        <translation>合并全组数据…</translation>
    </message>
    <message>
        <source>Devices of the round…</source>
        <translation>本轮设备…</translation>
    </message>
    <message>
        <source>Possible duplicates…</source>
        <translation>可能重复的记录…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Make a signed handover packet…</source>
        <translation>生成签名的移交材料…</translation>
    </message>
    <message>
        <source>Check a handover packet…</source>
        <translation>核验移交材料…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation>导出诊断信息…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>{n} revisions · digest {d}</source>
        <translation>修订 {n} 条 · 摘要 {d}</translation>
    </message>
    <message>
        <source>Conflicts ({n})…</source>
        <translation>冲突（{n}）…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Delete {name}? It can be brought back from Deleted records.</source>
        <translation>删除“{name}”？之后可在“已删除的记录”中恢复。</translation>
    </message>
    <message>
        <source>Delete this record? It can be brought back from Deleted records.</source>
        <translation>删除这条记录吗？可以从“已删除的记录”中恢复。</translation>
    </message>
    <message>
        <source>Exchange files (*.xch)</source>
        <translation>交换文件 (*.xch)</translation>
    </message>
    <message>
        <source>Exchange passphrase of the round:</source>
        <translation>本轮交换口令：</translation>
    </message>
    <message>
        <source>The exchange passphrase again:</source>
        <translation>再次输入交换口令：</translation>
    </message>
    <message>
        <source>The packet is intact: every signature holds and covers it.</source>
        <translation>移交材料完好：各签名有效，且覆盖整个文件。</translation>
    </message>
    <message>
        <source>The packet is intact, but its signer is NOT trusted: the signature was not checked against a certificate you trust, and anyone can make a signing key under any name. Compare the certificate&apos;s SHA-256 below with the one the signer gives you in person or by telephone.</source>
        <translation>材料包完好，但签名人不可信：签名未经您信任的证书核验，而任何人都能以任意姓名生成签名密钥。请将下方证书的 SHA-256 与签名人当面或电话告知的值核对。</translation>
    </message>
    <message>
        <source>The packet does NOT check out:</source>
        <translation>移交材料核验未通过：</translation>
    </message>
    <message>
        <source>There is no backup of this database yet.</source>
        <translation>该数据库还没有备份。</translation>
    </message>
    <message>
        <source>Backup to restore:</source>
        <translation>要恢复的备份：</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>New revisions</source>
        <translation>新修订</translation>
    </message>
    <message>
        <source>New records</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>Deletions</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>New conflicts</source>
        <translation>新冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>will be merged</source>
        <translation>将合并</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Files to merge</source>
        <translation>要合并的文件</translation>
    </message>
    <message>
        <source>Exchange files from the team&apos;s laptops, or their databases.</source>
        <translation>组内各台电脑导出的交换文件，或其数据库文件。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Exchange passphrase of the round</source>
        <translation>本轮交换口令</translation>
    </message>
    <message>
        <source>Exchange files and databases (*.xch *.db)</source>
        <translation>交换文件和数据库 (*.xch *.db)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>What each file brings; nothing is changed yet.</source>
        <translation>各文件将带来的内容；此时尚未作任何改动。</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Save report as PDF…</source>
        <translation>将报告保存为 PDF…</translation>
    </message>
    <message>
        <source>Enrol the device that signed {file}…</source>
        <translation>登记签署 {file} 的设备…</translation>
    </message>
    <message>
        <source>The target was backed up first ({name}); the merge was all or nothing.</source>
        <translation>已先备份目标数据库（{name}），合并要么全部完成，要么完全不生效。</translation>
    </message>
    <message>
        <source>Nothing new was merged; the target was not changed.</source>
        <translation>没有合并任何新内容，目标数据库未改动。</translation>
    </message>
    <message>
        <source>Merge report</source>
        <translation>合并报告</translation>
    </message>
    <message>
        <source>Merge the team&apos;s data</source>
        <translation>合并全组数据</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {detail}</source>
        <translation>意外错误（{kind}）：{detail}</translation>
    </message>
    <message>
        <source>Inspector on this laptop</source>
        <translation>本机巡察人员</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村（社区）数</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>修订数</translation>
    </message>
    <message>
        <source>State digest</source>
        <translation>状态摘要</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>Handover packet…</source>
        <translation>移交材料…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>PKCS#12 file (optional)</source>
        <translation>PKCS#12 证书文件（可选）</translation>
    </message>
    <message>
        <source>Its password</source>
        <translation>证书文件密码</translation>
    </message>
    <message>
        <source>Also sign the unfinished material, in an annex titled as not final</source>
        <translation>未定稿材料放入注明“未定稿”的附件一并签名</translation>
    </message>
    <message>
        <source>Look at the packet before saving it</source>
        <translation>保存前先预览移交材料</translation>
    </message>
    <message>
        <source>Make and sign</source>
        <translation>生成并签名</translation>
    </message>
    <message>
        <source>Villages in the packet:</source>
        <translation>本材料包含的村（社区）：</translation>
    </message>
    <message>
        <source>Choose at least one village and a PDF file.</source>
        <translation>请至少选择一个村（社区），并指定 PDF 文件。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Signed, not yet saved: look it through, then save it or close to discard.</source>
        <translation>已签名，尚未保存：请逐页查看，确认后保存，关闭则不保存。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Nobody can open the data without it: write it down and keep it apart from the laptop.</source>
        <translation>没有口令谁也打不开数据：请把口令记下来，与电脑分开保管。</translation>
    </message>
    <message>
        <source>People of {village}</source>
        <translation>{village}人员名单</translation>
    </message>
    <message>
        <source>Post, e.g. 村党总支书记</source>
        <translation>职务，如 村党总支书记</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Draft: what you type is kept as you type.</source>
        <translation>草稿：输入的内容随时自动保存。</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>editing</source>
        <translation>修改中</translation>
    </message>
    <message>
        <source>Draft kept at {time}</source>
        <translation>草稿已于 {time} 自动保存</translation>
    </message>
    <message>
        <source>Not saved, still a draft. To fill in: {problems}</source>
        <translation>未保存，仍是草稿。还需填写：{problems}</translation>
    </message>
    <message>
        <source>Throw away what was typed since the last save?</source>
        <translation>放弃上次保存以来输入的内容吗？</translation>
    </message>
    <message>
        <source>No files added</source>
        <translation>未添加文件</translation>
    </message>
    <message>
        <source>{n} files added</source>
        <translation>已添加 {n} 个文件</translation>
    </message>
    <message>
        <source>Filter: type any words of a row</source>
        <translation>筛选：输入任意关键词</translation>
    </message>
    <message>
        <source>Registers of the round</source>
        <translation>本轮登记簿</translation>
    </message>
    <message>
        <source>Town / village</source>
        <translation>镇 / 村（社区）</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>New finding…</source>
        <translation>新建问题…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <source>Trail…</source>
        <translation>审核记录…</translation>
    </message>
    <message>
        <source>New clue…</source>
        <translation>新建问题线索…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>移交…</translation>
    </message>
    <message>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收件日期</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>信访人</translation>
    </message>
    <message>
        <source>Person complained about</source>
        <translation>被反映人</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Close out…</source>
        <translation>销号…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>问题线索</translation>
    </message>
    <message>
        <source>Petitions</source>
        <translation>信访件</translation>
    </message>
    <message>
        <source>Round summary</source>
        <translation>本轮汇总</translation>
    </message>
    <message>
        <source>{town} (the whole town)</source>
        <translation>{town}（全镇）</translation>
    </message>
    <message>
        <source>{n} clues are not shown to you (leader, deputy and the drafter only).</source>
        <translation>另有 {n} 条问题线索对你不可见（仅组长、副组长和承办人可见）。</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>修正理由</translation>
    </message>
    <message>
        <source>New finding</source>
        <translation>新建问题</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>修改问题</translation>
    </message>
    <message>
        <source>Amend a signed-off finding</source>
        <translation>修正已签发的问题</translation>
    </message>
    <message>
        <source>Amended {at} by {by}: {reason}</source>
        <translation>{at} 由 {by} 修正：{reason}</translation>
    </message>
    <message>
        <source>Review trail</source>
        <translation>审核记录</translation>
    </message>
    <message>
        <source>New clue</source>
        <translation>新建问题线索</translation>
    </message>
    <message>
        <source>Hand over the clue</source>
        <translation>移交问题线索</translation>
    </message>
    <message>
        <source>Feedback on the clue</source>
        <translation>问题线索反馈</translation>
    </message>
    <message>
        <source>Close out (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>{name} ({n} villages)</source>
        <translation>{name}（{n} 个村）</translation>
    </message>
    <message>
        <source>This record has conflicting edits</source>
        <translation>该记录存在冲突的修改</translation>
    </message>
    <message>
        <source>Districts, towns and villages</source>
        <translation>区县、镇、村</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The language changes the next time the program starts.</source>
        <translation>界面语言在下次启动时生效。</translation>
    </message>
    <message>
        <source>Lock after this long without use</source>
        <translation>无操作多久后锁定</translation>
    </message>
    <message>
        <source>Your data stays on this laptop, encrypted with your passphrase.</source>
        <translation>数据只保存在本机，并用您的口令加密。</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <source>Open a database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <source>Join a round from the leader&apos;s exchange file…</source>
        <translation>用组长的交换文件加入本轮巡察…</translation>
    </message>
    <message>
        <source>Open the demo round</source>
        <translation>打开演示轮次</translation>
    </message>
    <message>
        <source>Passphrase for {name}:</source>
        <translation>请输入 {name} 的口令：</translation>
    </message>
    <message>
        <source>Tick the steps this round follows and drag them into order. Records of a step left out are kept and come back with it.</source>
        <translation>勾选本轮采用的巡察环节，拖动调整顺序。未勾选环节的记录会保留，重新勾选后即可看到。</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>整改意见建议</translation>
    </message>
    <message>
        <source>Rules improved</source>
        <translation>完善制度</translation>
    </message>
    <message>
        <source>Clues handed over</source>
        <translation>移交问题线索</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>The whole round</source>
        <translation>本轮合计</translation>
    </message>
    <message>
        <source>{done} of {n} villages have every step complete. ● complete  ◐ in progress  ○ not started; the number is the records saved.</source>
        <translation>{n} 个村（社区）中 {done} 个已完成全部环节。● 已完成  ◐ 进行中  ○ 未开始；数字为已保存的记录数。</translation>
    </message>
    <message>
        <source>People of the village…</source>
        <translation>村干部和党员名单…</translation>
    </message>
    <message>
        <source>Search the records of this step</source>
        <translation>搜索本环节的记录</translation>
    </message>
    <message>
        <source>New record… (Ctrl+Shift+N)</source>
        <translation>新建记录… (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>New evaluation…</source>
        <translation>新建测评…</translation>
    </message>
    <message>
        <source>Keyed and verified</source>
        <translation>已录入并核对</translation>
    </message>
    <message>
        <source>{n} drafts</source>
        <translation>{n} 份草稿</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <source>{n} keyed, {m} verified, {d} differences</source>
        <translation>已录 {n} 张，核对录入 {m} 张，差异 {d} 处</translation>
    </message>
    <message>
        <source>{n} issued</source>
        <translation>发出 {n} 张</translation>
    </message>
    <message>
        <source>(draft) {title}</source>
        <translation>（草稿）{title}</translation>
    </message>
    <message>
        <source>revision {rid}: unknown record kind {kind}</source>
        <translation>修订 {rid}：未知的记录类型 {kind}</translation>
    </message>
    <message>
        <source>revision {rid}: its content is larger than {n} MB</source>
        <translation>修订 {rid}：内容超过 {n} MB</translation>
    </message>
    <message>
        <source>revision {rid}: a deletion that carries content</source>
        <translation>修订 {rid}：删除修订不应带有内容</translation>
    </message>
    <message>
        <source>revision {rid}: its content is nested too deeply</source>
        <translation>修订 {rid}：内容嵌套层数过多</translation>
    </message>
    <message>
        <source>revision {rid}: {problem}</source>
        <translation>修订 {rid}：{problem}</translation>
    </message>
    <message>
        <source>revision {rid}: its content is not in the form this program writes</source>
        <translation>修订 {rid}：内容不是本程序写入的格式</translation>
    </message>
    <message>
        <source>Only the laptop that founded the round (the team leader&apos;s) enrols or revokes devices</source>
        <translation>只有建立本轮的笔记本（组长的）才能登记或撤销设备</translation>
    </message>
    <message>
        <source>The fingerprint you typed ({typed}) is not that of the device that signed this file ({fingerprint}); nothing was enrolled</source>
        <translation>输入的指纹（{typed}）与签署此文件的设备（{fingerprint}）不符；未登记任何设备</translation>
    </message>
    <message>
        <source>This device cannot be enrolled: {reason}</source>
        <translation>无法登记此设备：{reason}</translation>
    </message>
    <message>
        <source>the file holds no record of the device that signed it</source>
        <translation>文件中没有签署它的设备的记录</translation>
    </message>
    <message>
        <source>its device record names another inspector than the file</source>
        <translation>其设备记录所写的巡察人员与文件签署人不一致</translation>
    </message>
    <message>
        <source>it claims to be the team leader&apos;s own laptop</source>
        <translation>它自称是组长本人的笔记本</translation>
    </message>
    <message>
        <source>it was revoked</source>
        <translation>它已被撤销</translation>
    </message>
    <message>
        <source>it is enrolled already</source>
        <translation>它已经登记过</translation>
    </message>
    <message>
        <source>its key is enrolled for another laptop</source>
        <translation>它的密钥已登记在另一台笔记本上</translation>
    </message>
    <message>
        <source>It was signed on a device the team leader has not enrolled in this round ({name}, certificate {fingerprint}). The leader enrols it after comparing this fingerprint with the one that laptop shows, then merges again. Nothing of this file was merged</source>
        <translation>此文件由组长尚未在本轮登记的设备签署（{name}，证书指纹 {fingerprint}）。组长核对该笔记本显示的指纹一致后登记该设备，再重新合并。此文件的内容均未合并</translation>
    </message>
    <message>
        <source>It was signed on a device whose enrolment the team leader revoked ({name}); nothing of this file was merged</source>
        <translation>此文件由组长已撤销登记的设备签署（{name}）；此文件的内容均未合并</translation>
    </message>
    <message>
        <source>revision {rid}: founds the round anew on another device</source>
        <translation>修订 {rid}：在另一台设备上重新建立本轮</translation>
    </message>
    <message>
        <source>revision {rid}: written on a device not enrolled in this round</source>
        <translation>修订 {rid}：写于未在本轮登记的设备</translation>
    </message>
    <message>
        <source>revision {rid}: written on a device whose enrolment was revoked</source>
        <translation>修订 {rid}：写于已撤销登记的设备</translation>
    </message>
    <message>
        <source>revision {rid}: written in the name of another inspector than the one its device is enrolled for</source>
        <translation>修订 {rid}：以其设备登记人以外的其他巡察人员名义写入</translation>
    </message>
    <message>
        <source>revision {rid}: not signed by the device that wrote it</source>
        <translation>修订 {rid}：未经写入它的设备签名</translation>
    </message>
    <message>
        <source>revision {rid}: the record of another device</source>
        <translation>修订 {rid}：写的是另一台设备的记录</translation>
    </message>
    <message>
        <source>Founded the round</source>
        <translation>建立本轮</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Devices of the round</source>
        <translation>本轮设备</translation>
    </message>
    <message>
        <source>Revoke the selected device…</source>
        <translation>撤销所选设备的登记…</translation>
    </message>
    <message>
        <source>Read this laptop&apos;s fingerprint to the team leader, who compares it before enrolling the laptop.</source>
        <translation>请把本机的指纹读给组长，组长核对一致后登记本机。</translation>
    </message>
    <message>
        <source>Select an enrolled device to revoke.</source>
        <translation>请选择一台已登记的设备再撤销。</translation>
    </message>
    <message>
        <source>Revoke the laptop of {name} for good? Nothing it writes from now on will merge; what it brought stays.</source>
        <translation>永久撤销 {name} 的笔记本？此后它写入的内容都不会被合并；已合并的内容保留。</translation>
    </message>
    <message>
        <source>Enrol a device</source>
        <translation>登记设备</translation>
    </message>
    <message>
        <source>{name} signed {file} on a laptop with the fingerprint

{fingerprint}

Ask them to open Team ▸ Devices of the round on their laptop and read its fingerprint. If it is the same, type its first 8 characters or more here:</source>
        <translation>{name} 在指纹为

{fingerprint}

的笔记本上签署了 {file}。请对方在其笔记本上打开“巡察组 ▸ 本轮设备”并读出指纹。一致时，在此输入其前 8 位或更多：</translation>
    </message>
    <message>
        <source>Only the inspector who created this record, or a team leader, can delete it</source>
        <translation>只有创建此记录的巡察人员或组长可以删除它</translation>
    </message>
    <message>
        <source>Part of this record is restricted to the people entitled to it, and you are not one of them: you cannot change it</source>
        <translation>此记录的部分内容仅限有权知悉的人员查看，您不在其中，不能修改此记录</translation>
    </message>
    <message>
        <source>An attached file is not in this database; attach it again</source>
        <translation>附件文件不在本数据库中，请重新添加附件</translation>
    </message>
    <message>
        <source>revision {rid}: the keys of its sealed files are malformed</source>
        <translation>修订 {rid}：其密封附件的密钥格式不正确</translation>
    </message>
    <message>
        <source>revision {rid}: a file of its restricted content is not sealed with it</source>
        <translation>修订 {rid}：其受限内容的附件未随之密封</translation>
    </message>
    <message>
        <source>revision {rid}: a sealed file does not open to the file it names</source>
        <translation>修订 {rid}：密封附件解开后与其所指文件不符</translation>
    </message>
    <message>
        <source>revision {rid}: changes a record whose restricted content is not for its author</source>
        <translation>修订 {rid}：修改了一条其受限内容不是给作者本人查看的记录</translation>
    </message>
    <message>
        <source>revision {rid}: its restricted content is not encrypted to the team leader</source>
        <translation>修订 {rid}：受限内容没有加密给组长</translation>
    </message>
    <message>
        <source>revision {rid}: an encrypted part on a record that has none</source>
        <translation>修订 {rid}：此类记录没有受限内容，却带有加密部分</translation>
    </message>
    <message>
        <source>revision {rid}: restricted content written in clear</source>
        <translation>修订 {rid}：受限内容以明文写入</translation>
    </message>
    <message>
        <source>revision {rid}: its encrypted part is malformed</source>
        <translation>修订 {rid}：加密部分格式不正确</translation>
    </message>
    <message>
        <source>revision {rid}: publishes an encryption key that cannot be used</source>
        <translation>修订 {rid}：发布了一个无法使用的加密公钥</translation>
    </message>
    <message>
        <source>Not one revision of {path} reads intact: nothing was written. Use a backup or another laptop&apos;s copy</source>
        <translation>{path} 中没有一条修订完好可读，未写入任何文件。请使用备份或其他笔记本上的副本</translation>
    </message>
    <message>
        <source>Reading what can still be read</source>
        <translation>正在读取仍可读取的内容</translation>
    </message>
    <message>
        <source>Writing the new database</source>
        <translation>正在写入新数据库</translation>
    </message>
    <message>
        <source>signed batches</source>
        <translation>签名批次</translation>
    </message>
    <message>
        <source>this laptop&apos;s identity</source>
        <translation>本机身份</translation>
    </message>
    <message>
        <source>local state</source>
        <translation>本机状态</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>不标密级</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>秘密</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Top secret</source>
        <translation>绝密</translation>
    </message>
    <message>
        <source>photo (JPEG)</source>
        <translation>照片（JPEG）</translation>
    </message>
    <message>
        <source>picture (PNG)</source>
        <translation>图片（PNG）</translation>
    </message>
    <message>
        <source>picture (WebP)</source>
        <translation>图片（WebP）</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>sound recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
</context>
</TS>
