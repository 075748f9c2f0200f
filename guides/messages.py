"""Every message an editor can see, in Chinese (the default) and English.

Each code has a message (what is wrong) and a hint (how to fix it). `{suggestion}` parts
are added only when there is a suggestion to make.
"""

from __future__ import annotations

from typing import Any

# code: {lang: (message, hint)}
CATALOG: dict[str, dict[str, tuple[str, str]]] = {
    # files
    "file.no-content": {
        "zh": ("找不到内容文件夹", "在项目根目录下建一个 content/ 文件夹，每篇指南一个子文件夹。"),
        "en": ("the content folder does not exist",
               "create content/ at the project root, with one folder per guide")},
    "file.too-large": {
        "zh": ("文件太大（{size}），上限是 {limit}",
               "手机上打不开这么大的页面。把内容拆成几篇指南，图片和录音另存为文件。"),
        "en": ("the file is too large ({size}); the limit is {limit}",
               "phones cannot open pages this big: split it into several guides and keep "
               "images and audio in their own files")},
    "file.unreadable": {
        "zh": ("无法读取文件：{error}", "检查文件权限，或重新保存这个文件。"),
        "en": ("cannot read the file: {error}", "check its permissions or save it again")},
    "file.binary": {
        "zh": ("这不是文本文件（含有二进制数据）",
               "Markdown 文件必须是纯文本。用文本编辑器重新保存，不要把 Word 文档改名成 .md。"),
        "en": ("this is not a text file (it holds binary data)",
               "Markdown files must be plain text: save it again from a text editor; do not "
               "rename a Word document to .md")},
    "file.encoding": {
        "zh": ("文件不是 UTF-8 编码{guess_zh}",
               "用编辑器“另存为”，编码选 UTF-8（记事本里选“UTF-8”）。"),
        "en": ("the file is not UTF-8 encoded{guess_en}",
               "use your editor's \"Save as\" and choose the UTF-8 encoding")},
    "file.empty": {
        "zh": ("文件是空的", "写入内容（开头是 --- 包起来的元数据），或者删掉这个文件。"),
        "en": ("the file is empty",
               "write the guide (front matter between --- lines first) or delete the file")},
    "file.unexpected": {
        "zh": ("不认识的文件类型“{suffix}”，不会发布到网站上",
               "指南文件夹里只放 .md 文本、图片（png/jpg/webp/svg）、录音（mp3/m4a/ogg）和 PDF。"),
        "en": ("unexpected file type \"{suffix}\"; it is not published",
               "guide folders hold .md files, images (png/jpg/webp/svg), audio (mp3/m4a/ogg) "
               "and PDFs only")},
    "file.misplaced": {
        "zh": ("“{name}”不在指南文件夹里", "每篇指南一个文件夹：content/指南名/zh.md。把文件移进去。"),
        "en": ("\"{name}\" is not inside a guide folder",
               "each guide has its own folder: content/guide-name/zh.md; move the file there")},
    "file.reserved": {
        "zh": ("文件夹名“{name}”是网站保留的名字", "换一个文件夹名（保留的有：{reserved}）。"),
        "en": ("the folder name \"{name}\" is reserved by the site", "rename the folder (reserved: {reserved})")},
    "file.language": {
        "zh": ("文件名“{name}”不是支持的语言", "语言文件名只能是 zh.md、wuu.md 或 en.md。"),
        "en": ("file name \"{name}\" is not a supported language",
               "language files are named zh.md, wuu.md or en.md")},
    # front matter: form
    "fm.missing": {
        "zh": ("缺少元数据（front matter）", "文件第一行写 ---，接着写 id、title 等字段，再写一行 ---。"),
        "en": ("the front matter is missing",
               "start the file with a --- line, then id, title and the other fields, then ---")},
    "fm.unclosed": {
        "zh": ("元数据没有结束行 ---", "在最后一个字段后面加一行 ---，再开始正文。"),
        "en": ("the front matter has no closing --- line",
               "add a --- line after the last field, before the text")},
    "fm.empty": {
        "zh": ("元数据是空的", "在两行 --- 之间写上 id、kind、title 等必填字段。"),
        "en": ("the front matter is empty",
               "write id, kind, title and the other required fields between the --- lines")},
    "fm.not-mapping": {
        "zh": ("元数据格式不对：应该是“字段: 值”的形式", "每行写一个字段，例如 title: 居民核酸检测指南"),
        "en": ("the front matter is not a list of \"field: value\" lines",
               "write one field per line, e.g. title: Testing guide")},
    "fm.yaml": {
        "zh": ("元数据写法有误（YAML：{problem}）",
               "检查这一行：冒号后要有空格；含冒号或 # 的值要用引号括起来；缩进用空格不用 Tab。"),
        "en": ("the front matter cannot be read (YAML: {problem})",
               "check this line: a space after each colon, quotes around values that contain "
               "a colon or #, spaces not tabs for indentation")},
    "fm.duplicate-key": {
        "zh": ("字段“{key}”写了两次（第 {first} 行已有）", "删掉其中一个。"),
        "en": ("field \"{key}\" is written twice (first on line {first})", "delete one of them")},
    # front matter: schema
    "fm.unknown-key": {
        "zh": ("不认识的字段“{key}”", "删掉它，或改成编辑手册（HANDBOOK.md）里列出的字段名。"),
        "en": ("unknown field \"{key}\"", "delete it or use a field listed in the handbook (HANDBOOK.md)")},
    "fm.required": {
        "zh": ("缺少必填字段“{field}”", "在元数据里加一行，例如 {field}: {example}"),
        "en": ("required field \"{field}\" is missing", "add a line such as {field}: {example}")},
    "fm.type": {
        "zh": ("字段“{field}”应该是{expected_zh}，现在是“{got}”", "例如 {field}: {example}"),
        "en": ("field \"{field}\" must be {expected_en}, not \"{got}\"",
               "for example {field}: {example}")},
    "fm.blank": {
        "zh": ("字段“{field}”是空的", "填上内容，例如 {field}: {example}"),
        "en": ("field \"{field}\" is empty", "fill it in, e.g. {field}: {example}")},
    "fm.id-format": {
        "zh": ("“{field}”的值“{value}”格式不对",
               "只用小写英文字母、数字和短横线，例如 testing-guide。"),
        "en": ("\"{value}\" is not a valid {field}",
               "use lowercase letters, digits and dashes only, e.g. testing-guide")},
    "fm.choice": {
        "zh": ("字段“{field}”的值“{value}”不在允许范围内", "可选值：{choices}"),
        "en": ("\"{value}\" is not an allowed value of \"{field}\"", "allowed: {choices}")},
    "fm.summary-long": {
        "zh": ("摘要太长（{length} 个字符，建议不超过 {limit}）",
               "摘要只写一句话，会显示在搜索结果和微信分享里。"),
        "en": ("the summary is long ({length} characters; keep it under {limit})",
               "one sentence: it shows in search results and chat previews")},
    "fm.source-version-in-source": {
        "zh": ("普通话原文不需要 source_version", "删掉这一行；只有译文（wuu.md、en.md）才写它。"),
        "en": ("the Mandarin source must not have source_version",
               "delete the line: only translations (wuu.md, en.md) have it")},
    "fm.source-version-missing": {
        "zh": ("译文缺少 source_version", "写上翻译时依据的普通话版本号，例如 source_version: 3"),
        "en": ("the translation has no source_version",
               "add the Mandarin version it was translated from, e.g. source_version: 3")},
    "fm.updated-future": {
        "zh": ("更新日期 {date} 在今天（{today}）之后", "写实际修改的日期，不要写将来的日期。"),
        "en": ("updated date {date} is after today ({today})",
               "use the date of the change, not a future date")},
    "fm.review-before-updated": {
        "zh": ("复核日期 {review_by} 早于更新日期 {updated}", "复核日期应在更新日期之后，例如三个月后。"),
        "en": ("review_by {review_by} is before updated {updated}",
               "set a review date after the update, e.g. three months later")},
    "fm.review-overdue": {
        "zh": ("已过复核日期 {review_by}（超过 {days} 天），读者会看到“内容可能过时”的提醒",
               "请核对内容是否仍然正确，然后把 review_by 改到下一个复核日期。"),
        "en": ("past its review date {review_by} ({days} days); readers are told it may be "
               "out of date", "check the guide is still right, then move review_by forward")},
    "fm.history": {
        "zh": ("修改记录（history）写法不对：{problem_zh}",
               "每条写成 {{version: 2, date: 2026-11-25, note: \"改了什么\"}}，最新的在最前；用 guides bump --major 自动添加最省事。"),
        "en": ("the change history is malformed: {problem_en}",
               "each entry is {{version: 2, date: 2026-11-25, note: \"what changed\"}}, newest first; guides bump --major adds them for you")},
    "fm.withdrawn-reason": {
        "zh": ("已撤下的指南缺少撤下原因", "加一行 withdrawn_reason: 原因，并尽量写 replaced_by: 新指南编号"),
        "en": ("a withdrawn guide needs a reason",
               "add withdrawn_reason: … and, if there is one, replaced_by: new-guide-id")},
    # across files
    "guide.id-mismatch": {
        "zh": ("编号“{id}”和 {source} 里的“{expected}”不一致", "同一篇指南的各语言文件 id 必须相同。"),
        "en": ("id \"{id}\" differs from \"{expected}\" in {source}",
               "all language files of one guide share one id")},
    "guide.kind-mismatch": {
        "zh": ("类型“{kind}”和 {source} 里的“{expected}”不一致", "同一篇指南的各语言文件 kind 必须相同。"),
        "en": ("kind \"{kind}\" differs from \"{expected}\" in {source}",
               "all language files of one guide share one kind")},
    "guide.duplicate-id": {
        "zh": ("编号“{id}”已被文件夹 {other} 使用", "每篇指南的 id 必须唯一，换一个编号。"),
        "en": ("id \"{id}\" is already used by folder {other}", "give each guide its own id")},
    "guide.no-source": {
        "zh": ("文件夹 {folder} 没有普通话原文 {source}.md", "先写普通话版本，其他语言从它翻译。"),
        "en": ("folder {folder} has no Mandarin source {source}.md",
               "write the Mandarin version first; translations are made from it")},
    "guide.unknown-replacement": {
        "zh": ("replaced_by 指向的指南“{id}”不存在", "写一个已有指南的 id。"),
        "en": ("replaced_by names a guide \"{id}\" that does not exist",
               "use the id of an existing guide")},
    "translation.stale": {
        "zh": ("译文过期：依据第 {source_version} 版翻译，原文 {source} 已是第 {version} 版",
               "对照原文更新译文，然后把 source_version 改成 {version}。"),
        "en": ("stale translation: made from version {source_version}, {source} is at "
               "version {version}", "update the translation, then set source_version: {version}")},
    "translation.ahead": {
        "zh": ("source_version {source_version} 比原文 {source} 的版本 {version} 还新",
               "source_version 不能大于原文的 version，请改正。"),
        "en": ("source_version {source_version} is newer than {source}'s version {version}",
               "source_version cannot be above the source's version")},
    "translation.missing": {
        "zh": ("已发布，但还没有这些语言的版本：{languages}", "需要时用同一个 id 添加译文。"),
        "en": ("published, with no version yet in: {languages}",
               "add translations with the same id when needed")},
    # structure
    "structure.h1": {
        "zh": ("正文里有一级标题“{text}”", "标题由元数据的 title 生成；正文从 ## 二级标题开始。"),
        "en": ("the text has a level-1 heading \"{text}\"",
               "the title comes from the front matter; start sections at ##")},
    "structure.missing-section": {
        "zh": ("缺少必需章节“{title}”（{{#{id}}}）", "加一个二级标题：## {title} {{#{id}}}"),
        "en": ("required section \"{title}\" ({{#{id}}}) is missing",
               "add a heading: ## {title} {{#{id}}}")},
    "structure.order": {
        "zh": ("章节“{title}”（{{#{id}}}）应该放在 {{#{after}}} 之后", "按模板顺序调整章节。"),
        "en": ("section \"{title}\" ({{#{id}}}) must come after {{#{after}}}",
               "move the sections into the template's order")},
    "structure.first-section": {
        "zh": ("第一个章节应该是“{title}”（{{#{id}}}），现在是“{found}”",
               "先告诉读者现在要做什么：把 ## {title} {{#{id}}} 移到最前面。"),
        "en": ("the first section must be \"{title}\" ({{#{id}}}), not \"{found}\"",
               "say what to do now first: move ## {title} {{#{id}}} to the top")},
    "tips.none": {
        "zh": ("提示单里没有提示", "每条提示写成带编号的二级标题：## 1. 做好个人防护"),
        "en": ("the tip sheet has no tips",
               "write each tip as a numbered heading: ## 1. Protect yourself")},
    "tips.numbering": {
        "zh": ("提示编号应为 {expected}：“{text}”", "提示按 1、2、3…… 依次编号，写成 ## {expected}. 标题"),
        "en": ("tip number {expected} expected: \"{text}\"",
               "number tips 1, 2, 3, … in order: ## {expected}. Heading")},
    "tips.empty": {
        "zh": ("提示“{text}”下面没有内容", "在标题下写一两行具体做法。"),
        "en": ("tip \"{text}\" has no text", "add a line or two on what to do")},
    "tips.long": {
        "zh": ("提示“{text}”太长（{lines} 行，{chars} 字），上限 {max_lines} 行、{max_chars} 字",
               "每条提示只留最要紧的几句，其余内容另写一篇指南。"),
        "en": ("tip \"{text}\" is long ({lines} lines, {chars} characters; limits "
               "{max_lines} and {max_chars})", "keep only the few lines that matter most")},
    "checklist.no-phase": {
        "zh": ("清单没有阶段标题", "用二级标题分阶段，例如 ## 上岗前，下面写 - [ ] 事项"),
        "en": ("the checklist has no phases",
               "group items under level-2 phase headings, e.g. ## Before the shift")},
    "checklist.outside-phase": {
        "zh": ("清单项“{text}”不在任何阶段下", "把它移到某个 ## 阶段标题下面。"),
        "en": ("item \"{text}\" is not under a phase", "move it under a ## phase heading")},
    "checklist.empty-phase": {
        "zh": ("阶段“{text}”下没有清单项", "加上 - [ ] 事项，或删掉这个阶段。"),
        "en": ("phase \"{text}\" has no items", "add - [ ] items or remove the phase")},
    "checklist.prechecked": {
        "zh": ("清单项“{text}”已经打了勾", "清单项应以 - [ ] 开头（未勾选），由志愿者自己勾。"),
        "en": ("item \"{text}\" is already ticked",
               "write items unticked, - [ ], for volunteers to tick")},
    # links and media
    "link.broken": {
        "zh": ("链接目标不存在：{url}", "检查路径；链接其他指南写文件夹，例如 ../testing-guide/"),
        "en": ("the link target does not exist: {url}",
               "check the path; link another guide by its folder, e.g. ../testing-guide/")},
    "link.anchor": {
        "zh": ("{target} 里没有锚点 #{anchor}", "检查章节 id，例如 ## 标题 {{#{anchor}}}"),
        "en": ("{target} has no anchor #{anchor}",
               "check the section id, e.g. ## Heading {{#{anchor}}}")},
    "link.no-translation": {
        "zh": ("链接的指南没有{language}版本：{url}", "删掉这个链接，或先添加该语言的版本。"),
        "en": ("the linked guide has no {language} version: {url}",
               "remove the link or add that language version first")},
    "link.unpublished": {
        "zh": ("链接的指南还没有发布（{status}）：{url}", "读者会看到“找不到页面”。等那篇发布后再加链接，或先去掉。"),
        "en": ("the linked guide is not published ({status}): {url}",
               "readers would get a missing page: add the link once that guide is published")},
    "link.absolute": {
        "zh": ("站内链接不能以 / 开头：{url}", "用相对路径，例如 ../testing-guide/"),
        "en": ("site links must not start with /: {url}", "use a relative path, e.g. ../testing-guide/")},
    "link.outside": {
        "zh": ("链接指向 content 文件夹之外：{url}", "只能链接 content/ 里的指南和文件。"),
        "en": ("the link points outside content/: {url}",
               "link only to guides and files inside content/")},
    "image.alt": {
        "zh": ("图片 {src} 没有替代文字", "在方括号里写图片内容，例如 ![排队时保持一米距离](queue.png)"),
        "en": ("image {src} has no alt text",
               "describe it in the brackets, e.g. ![Keep one metre apart](queue.png)")},
    "media.missing-src": {
        "zh": ("图片或录音没有写文件名", "写上文件名，例如 ![说明](photo.png)"),
        "en": ("an image or audio element has no file", "name the file, e.g. ![text](photo.png)")},
    "media.missing": {
        "zh": ("找不到文件：{src}", "把文件放进指南文件夹，并检查文件名大小写。"),
        "en": ("file not found: {src}",
               "put the file in the guide's folder and check the name's upper/lower case")},
    "media.format": {
        "zh": ("{src} 的格式不对", "支持的格式：{formats}"),
        "en": ("{src} has the wrong format", "supported: {formats}")},
    "audio.too-large": {
        "zh": ("录音 {src} 太大（{size}），上限 {limit}", "压缩成 64 kbps 的 MP3 或 M4A。"),
        "en": ("recording {src} is too large ({size}; limit {limit})",
               "compress it to a 64 kbps MP3 or M4A")},
    "audio.not-audio": {
        "zh": ("{src} 不是真正的 MP3、M4A 或 Ogg 录音", "用录音软件导出为 MP3（不要只改文件扩展名）。"),
        "en": ("{src} is not really an MP3, M4A or Ogg recording",
               "export it as MP3 from a recording app (renaming the file is not enough)")},
    # safety
    "html.forbidden-tag": {
        "zh": ("不允许使用 HTML 标签 <{tag}>", "删掉它：指南里不能嵌入脚本、外部页面或表单。"),
        "en": ("the HTML tag <{tag}> is not allowed",
               "remove it: guides cannot embed scripts, other pages or forms")},
    "html.event-attr": {
        "zh": ("不允许使用脚本属性 {attr}（在 {tag} 上）", "删掉这个属性。"),
        "en": ("script attribute {attr} is not allowed (on {tag})", "remove the attribute")},
    "html.unsafe-url": {
        "zh": ("不允许使用 {scheme}: 链接：{url}", "改成普通网址、站内链接或 tel: 电话链接。"),
        "en": ("{scheme}: URLs are not allowed: {url}",
               "use a web address, a site link or a tel: link")},
    "html.remote-resource": {
        "zh": ("不能加载其他网站的资源：{url}",
               "把图片或文件下载后放进指南文件夹，再用相对路径引用（外站资源在国内常打不开，也会泄露读者信息）。"),
        "en": ("resources from another site are not allowed: {url}",
               "save the file in the guide's folder and link it relatively (other hosts may "
               "be blocked and leak readers' data)")},
    "fm.html": {
        "zh": ("字段 {field} 里有 HTML 代码：{text}",
               "元数据只能写纯文字：删掉尖括号 < > 和其中的标签、引号后面的属性。要强调的内容写在正文里。"),
        "en": ("field \"{field}\" contains HTML: {text}",
               "front-matter values are plain text: remove the angle brackets < > and the tags "
               "or attributes in them; put formatting in the text below")},
    "file.active": {
        "zh": ("“{name}”是网页或脚本文件，发布后会在读者的浏览器里运行",
               "删掉它。要给读者看的内容写成指南（.md），文件只放图片、录音和 PDF。"),
        "en": ("\"{name}\" is a web page or script: published, it would run in readers' browsers",
               "delete it; write what readers should see as a guide (.md), and keep only "
               "images, audio and PDFs as files")},
    # uploaded SVG and PDF files (h-svg): refused files are never published, in the preview either
    "svg.unsafe": {
        "zh": ("SVG 图片里有不允许的内容：{what}。这个文件不会发布",
               "SVG 单独打开时是本站的一个网页，里面的脚本、事件属性、实体、外部链接或外部样式都会在本站运行或加载外站内容。"
               "用绘图软件重新导出为“普通 SVG”（Inkscape：另存为 → 普通 SVG；Illustrator：导出为 SVG，不勾选“包含脚本”），"
               "或者导出成 PNG。SVG 里只能有图形、文字、渐变、滤镜和样式，链接只能指向本文件里的 #编号，"
               "图片只能是同一文件夹里的 PNG/JPG/GIF/WebP。Inkscape 等软件自己的编辑数据可以保留。"),
        "en": ("the SVG contains something that is not allowed: {what}; this file is not published",
               "opened on its own, an SVG is a page of this site: script, event attributes, entities, "
               "outside links or style sheets in it would run here or load other sites. Export it again "
               "as a plain SVG (Inkscape: Save As > Plain SVG) or as PNG. An SVG may hold shapes, text, "
               "gradients, filters and styles; links only to #ids in the same file, images only PNG/JPG/"
               "GIF/WebP files in the same folder. Drawing programs' own data (Inkscape, Sodipodi) may stay")},
    "svg.invalid": {
        "zh": ("SVG 图片无法按 XML 读取：{what}。这个文件不会发布",
               "用绘图软件重新保存为 UTF-8 编码的普通 SVG（根元素是 <svg xmlns=\"http://www.w3.org/2000/svg\">），或者导出成 PNG。"),
        "en": ("the SVG cannot be read as XML: {what}; this file is not published",
               "save it again from a drawing program as a plain, UTF-8 SVG (its root element "
               "<svg xmlns=\"http://www.w3.org/2000/svg\">), or export it as PNG")},
    "pdf.active": {
        "zh": ("PDF 里有脚本、附件、表单提交或其他会自己运行的内容：{what}。这个文件不会发布",
               "读者只需要能看、能打印的 PDF。用原来的软件“导出为 PDF”或“打印为 PDF”重新生成一份，"
               "不要加 JavaScript、附件、多媒体或可提交的表单。"),
        "en": ("the PDF holds script, attachments, form submission or other active content: {what}; "
               "this file is not published",
               "readers need a PDF they can read and print: make it again with \"Export as PDF\" or "
               "\"Print to PDF\", without JavaScript, attachments, media or forms that submit")},
    "pdf.invalid": {
        "zh": ("PDF 文件无法读取（{what}）。这个文件不会发布",
               "用原来的软件重新导出 PDF。加了密码的 PDF 先去掉密码再放进来。"),
        "en": ("the PDF cannot be read ({what}); this file is not published",
               "export the PDF again from the program that made it; remove any password first")},
    # phones
    "phone.invalid": {
        "zh": ("电话号码“{number}”不是有效的中国号码", "核对号码：座机带区号（0512-6xxxxxxx），手机 11 位，或 12345 这类服务号。"),
        "en": ("\"{number}\" is not a valid Chinese phone number",
               "check it: landlines with area code (0512-6xxxxxxx), 11-digit mobiles, or "
               "service numbers such as 12345")},
    "hotlines.not-list": {
        "zh": ("热线文件应该是一个列表", "每条热线以“- number:”开头，见文件顶部的说明。"),
        "en": ("the hotlines file must be a list",
               "start each hotline with \"- number:\", as the comment at the top shows")},
    "hotlines.item": {
        "zh": ("第 {index} 条热线格式不对", "写成 - number: \"12345\" 和 name: {{zh: 名称}}"),
        "en": ("hotline {index} is malformed", "write - number: \"12345\" and name: {{zh: …}}")},
    "hotlines.field": {
        "zh": ("第 {index} 条热线缺少 {field}", "补上 {field}。"),
        "en": ("hotline {index} has no {field}", "add {field}")},
    # limits (h-limits): files refused before parsing, so none can crash or hang a build
    "fm.too-large": {
        "zh": ("元数据太长（{size}），上限是 {limit}",
               "两行 --- 之间只写标题、日期这类简短信息；长的内容写进正文。"),
        "en": ("the front matter is too long ({size}; the limit is {limit})",
               "keep only short fields between the --- lines; put long text in the body")},
    "fm.too-deep": {
        "zh": ("元数据嵌套太深（超过 {limit} 层）",
               "元数据里的列表和冒号层级最多几层就够了：检查这一行附近是不是多了方括号 [ 、花括号 {{ 或缩进。"),
        "en": ("the front matter is nested too deeply (more than {limit} levels)",
               "front matter needs only a few levels: look near this line for extra [ or {{ "
               "brackets or indentation")},
    "fm.too-many-aliases": {
        "zh": ("元数据里的引用（*名字）太多，上限是 {limit} 个",
               "把要重复的内容直接写出来，不要用 & 和 * 引用。"),
        "en": ("the front matter has too many aliases (*name); the limit is {limit}",
               "write repeated values out in full instead of using & anchors and * aliases")},
    "fm.alias-loop": {
        "zh": ("元数据里的引用 *{name} 指向了它自己所在的位置，会无限循环",
               "删掉这个 *{name}，把要用的内容直接写出来。"),
        "en": ("the alias *{name} refers to the value it is inside of, which never ends",
               "remove *{name} and write the value out in full")},
    "fm.alias-expansion": {
        "zh": ("元数据里的引用 *{name} 展开后太大（超过 {limit}），检查会停在这里",
               "不要用 & 和 * 层层引用；把要用的内容直接写出来。"),
        "en": ("the aliases (*{name}) expand to too much (over {limit} nodes and characters)",
               "do not nest & anchors and * aliases; write the values out in full")},
    "md.too-large": {
        "zh": ("正文太长（{size}），上限是 {limit}；从这一行起超出",
               "手机上打不开这么长的页面。把内容拆成几篇指南，互相加上链接。"),
        "en": ("the text is too long ({size}; the limit is {limit}); it passes the limit at "
               "this line", "phones cannot open pages this long: split it into several guides "
               "that link to each other")},
    "md.line-too-long": {
        "zh": ("这一行太长（{length} 个字符），上限是 {limit}",
               "分成几段写，段与段之间空一行。"),
        "en": ("this line is too long ({length} characters; the limit is {limit})",
               "split it into paragraphs, with a blank line between them")},
    "md.too-deep": {
        "zh": ("列表或引用嵌套太深（{depth} 层，上限 {limit} 层）",
               "列表最多套两三层就够读了。检查行首是不是多了 - 、> 或缩进。"),
        "en": ("lists or quotes are nested too deeply ({depth} levels; the limit is {limit})",
               "two or three levels are plenty: look for extra -, > or indentation at the "
               "start of the line")},
    "md.block-too-large": {
        "zh": ("从这一行开始的段落太长（超过 {limit}，中间没有空行）",
               "在段落之间空一行；很长的表格或列表拆成几个，中间加小标题。"),
        "en": ("the paragraph starting on this line is too long (over {limit} without a "
               "blank line)", "put blank lines between paragraphs; split a long table or "
               "list into several under their own headings")},
    "md.brackets": {
        "zh": ("这一段里的 {char} 太多（超过 {limit} 个），网页无法生成",
               "在段落之间空一行，把长段分开；不成对的 [ 或 < 要删掉，或者写成全角的【 或 ＜。"),
        "en": ("this paragraph has too many {char} (over {limit}); the page cannot be made",
               "split it with blank lines; delete stray [ or < or write them as full-width "
               "【 or ＜")},
    "md.page-brackets": {
        "zh": ("整篇正文里的 {char} 太多（超过 {limit} 个），从这一行起超出",
               "把内容拆成几篇指南；不成对的 [ 或 < 要删掉，或者写成全角的【 或 ＜。"),
        "en": ("the text has too many {char} (over {limit}); it passes the limit at this line",
               "split it into several guides; delete stray [ or < or write them as "
               "full-width 【 or ＜")},
    "md.not-rendered": {
        "zh": ("这一页超出了限制，预览里不显示正文", "运行 guides check 查看原因，改好后预览会自动更新。"),
        "en": ("this page is over a limit: the preview does not show its text",
               "run guides check to see why; the preview updates once it is fixed")},
    # -- trust (issue 12, h-trust): sources, reviews, time context, one source per number --
    "sources.missing": {
        "zh": ("缺少依据（sources）：{kind} 类指南要写明依据的文件",
               "在 zh.md 的元数据里加 sources:，每条写 title 标题、org 发布机构、date 日期，例如 "
               "- {{title: 医院隔离技术标准, code: WS/T 311—2023, org: 国家卫生健康委员会, date: 2023-09-05}}"),
        "en": ("no sources: a {kind} must name the documents it follows",
               "add sources: to zh.md, each with title, org and date, e.g. - {{title: …, "
               "org: 国家卫生健康委员会, date: 2023-09-05}}")},
    "sources.not-list": {
        "zh": ("依据（sources）应该是一个列表", "每条依据单独一行，以“- ”开头：- {{title: …, org: …, date: …}}"),
        "en": ("sources must be a list", "one source per line, starting with \"- \": "
               "- {{title: …, org: …, date: …}}")},
    "sources.item": {
        "zh": ("第 {index} 条依据格式不对", "写成 - {{title: 文件标题, org: 发布机构, date: 2022-06-27}}"),
        "en": ("source {index} is malformed", "write - {{title: …, org: …, date: 2022-06-27}}")},
    "sources.date": {
        "zh": ("第 {index} 条依据的日期“{value}”格式不对",
               "写发布日期 年-月-日，例如 2022-06-27；只知道年月时写 2022-06，只知道年份时写 2022。"),
        "en": ("source {index}: the date \"{value}\" is not a date",
               "write the date it was issued as YYYY-MM-DD, or YYYY-MM or YYYY when that is all "
               "that is known")},
    "sources.url": {
        "zh": ("第 {index} 条依据的网址“{url}”不是 http:// 或 https:// 开头的完整网址",
               "写读者能打开的完整网址（https://…），或者删掉 url 这一行。"),
        "en": ("source {index}: \"{url}\" is not a full http:// or https:// address",
               "give an address readers can open (https://…) or remove the url line")},
    "review.not-list": {
        "zh": ("审核记录（review）应该是一个列表",
               "每条以“- ”开头：- {{type: content, role: 项目编辑, org: 守望指南项目, date: 2026-12-01}}"),
        "en": ("review must be a list",
               "one record per line: - {{type: content, role: …, org: …, date: 2026-12-01}}")},
    "review.item": {
        "zh": ("第 {index} 条审核记录格式不对",
               "写成 - {{type: content, role: 项目编辑, org: 守望指南项目, date: 2026-12-01}}"),
        "en": ("review record {index} is malformed",
               "write - {{type: content, role: …, org: …, date: 2026-12-01}}")},
    "review.type": {
        "zh": ("第 {index} 条审核记录的类型“{value}”不对", "type 只能是：{types}（content 内容审核，medical 医学审核）"),
        "en": ("review record {index}: \"{value}\" is not a review type",
               "type is one of: {types}")},
    "review.text": {
        "zh": ("第 {index} 条审核记录的 {field} 是空的或格式不对",
               "写文字，例如 role: 项目编辑；也可以分语言写 {{zh: 项目编辑, en: project editor}}。"),
        "en": ("review record {index}: {field} is empty or malformed",
               "write text, e.g. role: 项目编辑, or one per language: {{zh: 项目编辑, en: project editor}}")},
    "review.date": {
        "zh": ("第 {index} 条审核记录的日期“{value}”格式不对", "写审核完成的日期：年-月-日，例如 2026-12-01。"),
        "en": ("review record {index}: the date \"{value}\" is not a date",
               "write the day the review was done as YYYY-MM-DD")},
    "review.before-update": {
        "zh": ("第 {index} 条审核记录（{date}）早于最近一次修改（{updated}），审核的是旧版本",
               "请审核人看过这一版后，把审核日期改成新的日期。"),
        "en": ("review record {index} ({date}) is older than the last change ({updated}): it "
               "reviewed an earlier version", "have this version reviewed, then update the date")},
    "review.missing": {
        "zh": ("已发布（published），但还没有 {type} 审核记录（{kind} 类指南发布前必须审核）",
               "审核通过后在 zh.md 里加 review: - {{type: {type}, role: 审核人角色, org: 机构, date: 审核日期}}；"
               "还没审核就把 status 改回 review。"),
        "en": ("published without a {type} review (a {kind} must be reviewed before publishing)",
               "once reviewed, add review: - {{type: {type}, role: …, org: …, date: …}} to zh.md; "
               "until then set status: review")},
    "medical.type": {
        "zh": ("medical 只能写 true 或 false，现在是“{value}”", "指南里有医学或急救步骤就写 medical: true。"),
        "en": ("medical must be true or false, not \"{value}\"",
               "write medical: true when the guide gives medical or first-aid steps")},
    "context.not-mapping": {
        "zh": ("时间背景（context）格式不对", "写成 context: {{period: 2022 年苏州疫情期间, place: 苏州}}"),
        "en": ("context is malformed", "write context: {{period: the 2022 outbreak, place: Suzhou}}")},
    "context.period": {
        "zh": ("时间背景（context）缺少 period（哪个时期）", "例如 context: {{period: 2022 年苏州疫情期间, place: 苏州}}"),
        "en": ("context has no period", "e.g. context: {{period: the 2022 outbreak, place: Suzhou}}")},
    "context.missing": {
        "zh": ("普通话原文 {source} 写了时间背景（context），这个译文没有",
               "用这个语言写上 context: {{period: …, place: …}}，读者才知道这些是当时的做法。"),
        "en": ("{source} has a context (time and place) and this translation does not",
               "add context: {{period: …, place: …}} in this language, so readers know these "
               "were that time's measures")},
    "trust.source-only": {
        "zh": ("译文里不用写 {field}", "{field} 只写在普通话原文 zh.md 里，译文页面会显示原文的内容。删掉这一段。"),
        "en": ("a translation does not repeat {field}",
               "{field} is written once, in zh.md; translated pages show the source's. Remove it")},
    "trust.required": {
        "zh": ("第 {index} 条缺少 {field}", "补上 {field}。"),
        "en": ("entry {index} has no {field}", "add {field}")},
    "trust.blank": {
        "zh": ("第 {index} 条的 {field} 是空的", "填上内容，或删掉这一行。"),
        "en": ("entry {index}: {field} is empty", "fill it in or remove the line")},
    "trust.future": {
        "zh": ("第 {index} 条的 {field} {date} 在今天（{today}）之后", "写实际的日期，不要写将来的日期。"),
        "en": ("entry {index}: {field} {date} is after today ({today})",
               "write the real date, not a future one")},
    "trust.unknown-key": {
        "zh": ("{field} 里有不认识的项“{key}”", "可以写的有：{keys}"),
        "en": ("unknown key \"{key}\" in {field}", "allowed: {keys}")},
    "phone.not-in-hotlines": {
        "zh": ("电话号码“{number}”不在 {file} 里", "号码只写在热线文件里一次：先在 {file} 加上这个号码（带 id 和 verified 核实日期），"
               "再在正文写 {{{{hotline:它的 id}}}}。"),
        "en": ("the number \"{number}\" is not in {file}",
               "numbers are written once, in the hotlines file: add it to {file} (with an id and "
               "the date it was verified), then write {{{{hotline:its-id}}}} in the text")},
    "phone.text-not-in-hotlines": {
        "zh": ("正文里的电话号码“{number}”不在 {file} 里", "号码只写在热线文件里一次：先在 {file} 加上这个号码（带 id 和 verified 核实日期），"
               "再把正文里的号码换成 {{{{hotline:它的 id}}}}。"),
        "en": ("the number \"{number}\" in the text is not in {file}",
               "numbers are written once, in the hotlines file: add it to {file} (with an id and "
               "the date it was verified), then write {{{{hotline:its-id}}}} in its place")},
    "hotline.unknown-id": {
        "zh": ("热线文件里没有 id 为“{id}”的电话", "可用的 id：{ids}"),
        "en": ("the hotlines file has no number with the id \"{id}\"", "ids: {ids}")},
    "hotline.malformed": {
        "zh": ("“{text}”写法不对，不会变成电话号码", "写成 {{{{hotline:ambulance}}}}：两层半角大括号，半角冒号，中间是热线的 id。"),
        "en": ("\"{text}\" is not a hotline placeholder and will be shown as it is",
               "write {{{{hotline:ambulance}}}}: two ASCII braces each side, an ASCII colon, the hotline's id")},
    "hotlines.not-mapping": {
        "zh": ("热线文件格式不对：应该有 national: 和 local: 两个列表",
               "全国号码写在 national: 下，本地号码写在 local: 下，每条以“- id:”开头，见文件顶部的说明。"),
        "en": ("the hotlines file must hold two lists, national: and local:",
               "put national numbers under national: and local ones under local:, each "
               "starting with \"- id:\", as the comment at the top shows")},
    "hotline.in-link": {
        "zh": ("链接文字“{text}”里有 {{{{hotline:…}}}}", "{{{{hotline:…}}}} 自己就是可拨打的链接：把它移到 [ ] 外面，或者删掉外面的链接。"),
        "en": ("the link text \"{text}\" holds a {{{{hotline:…}}}}",
               "{{{{hotline:…}}}} is a tap-to-call link already: move it out of the [ ], or drop the outer link")},
    "hotline.in-front-matter": {
        "zh": ("元数据 {field} 里不能用 {{{{hotline:…}}}}", "标题和摘要会原样显示：写热线的名字（例如“12345 便民热线”），号码写在正文里。"),
        "en": ("{{{{hotline:…}}}} cannot be used in the front matter ({field})",
               "titles and summaries are shown as written: name the hotline there and put the number in the text")},
    "hotlines.part": {
        "zh": ("热线文件里不认识的部分“{part}”", "只有这些部分：{parts}（national 全国号码，local 本地号码）。"),
        "en": ("unknown part \"{part}\" in the hotlines file", "the parts are: {parts}")},
    "hotlines.part-list": {
        "zh": ("热线文件的 {part} 部分应该是一个列表", "每条以“- id:”开头；没有号码就写 {part}: []"),
        "en": ("the {part} part must be a list", "start each entry with \"- id:\"; with none, write {part}: []")},
    "hotlines.unknown-key": {
        "zh": ("第 {index} 条热线里有不认识的项“{key}”", "可以写的有：{keys}"),
        "en": ("hotline {index} has an unknown key \"{key}\"", "allowed: {keys}")},
    "hotlines.id-format": {
        "zh": ("第 {index} 条热线的 id“{id}”格式不对", "只用小写英文字母、数字和短横线，例如 fever-clinic。"),
        "en": ("hotline {index}: \"{id}\" is not a valid id", "use lowercase letters, digits and dashes, e.g. fever-clinic")},
    "hotlines.duplicate-id": {
        "zh": ("热线 id“{id}”重复（第 {first} 行已有）", "每条热线的 id 要不同。"),
        "en": ("the hotline id \"{id}\" is used twice (first on line {first})", "give each hotline its own id")},
    "hotlines.duplicate-number": {
        "zh": ("号码“{number}”写了两次（第 {first} 行已有）", "同一个号码只写一条，删掉一条。"),
        "en": ("the number \"{number}\" is listed twice (first on line {first})", "keep one entry per number")},
    "hotlines.verified-format": {
        "zh": ("第 {index} 条热线的核实日期“{value}”格式不对", "写最近一次打通或核对号码的日期：verified: 2026-12-01"),
        "en": ("hotline {index}: verified \"{value}\" is not a date",
               "write the day the number was last checked: verified: 2026-12-01")},
    "hotlines.verified-future": {
        "zh": ("第 {index} 条热线的核实日期 {date} 在今天（{today}）之后", "写实际核对的日期。"),
        "en": ("hotline {index}: verified {date} is after today ({today})", "write the day it was really checked")},
    "parity.section-missing": {
        "zh": ("译文缺少章节 #{id}（{source}:{source_line} 有）",
               "按原文补上这一节，标题后写同样的 {{#{id}}}；各语言版本的章节要一一对应。"),
        "en": ("the section #{id} is missing ({source}:{source_line} has it)",
               "translate that section too, with the same {{#{id}}} after its heading")},
    "parity.section-extra": {
        "zh": ("章节 #{id} 在原文 {source} 里没有（{source}:{source_line}）",
               "章节 id 要和原文一样：改成原文对应章节的 {{#id}}，或者删掉原文没有的这一节。"),
        "en": ("the section #{id} is not in the source ({source}:{source_line})",
               "use the id of the matching section in the source, or remove this section")},
    "parity.tasks": {
        "zh": ("章节 {section_zh} 有 {count} 个清单项（{source}:{source_line} 那一节有 {expected} 个）",
               "每一项都要翻译，不能合并或省略：清单项数要和原文一样。"),
        "en": ("section {section_en} has {count} checklist items ({source}:{source_line} has {expected})",
               "translate every item, without merging or dropping any")},
    "parity.steps": {
        "zh": ("章节 {section_zh} 有 {count} 个编号步骤（{source}:{source_line} 那一节有 {expected} 个）",
               "每一步都要翻译，不能合并或省略：编号步骤数要和原文一样。"),
        "en": ("section {section_en} has {count} numbered steps ({source}:{source_line} has {expected})",
               "translate every step, without merging or dropping any")},
    "parity.number-missing": {
        "zh": ("章节 {section_zh} 少了电话 {number}（{source}:{source_line} 有）",
               "把这个号码也写进译文的这一节，用和原文一样的 {{{{hotline:id}}}}。"),
        "en": ("section {section_en} lacks the number {number} ({source}:{source_line} has it)",
               "add it to this section, with the same {{{{hotline:id}}}} as the source")},
    "parity.number-extra": {
        "zh": ("电话 {number} 在原文这一节里没有（{source}:{source_line}）",
               "译文和原文的号码要一样：删掉它，或者先加到原文里。"),
        "en": ("the number {number} is not in this section of the source ({source}:{source_line})",
               "translations carry the source's numbers: remove it or add it to the source first")},
    "hotlines.verified-old": {
        "zh": ("号码 {number} 已经 {days} 天没有核实（上次 {date}，超过 {limit} 天）",
               "打一次或查官方公布的号码，确认还是对的，然后把 verified 改成今天的日期。"),
        "en": ("the number {number} was last verified {days} days ago ({date}; limit {limit})",
               "call it or check the official listing, then set verified to today's date")},
    # -- editors' everyday mistakes (h-mistakes): front matter the YAML parser could not
    # read, told by cause on the line at fault; never the parser's own (English) text.
    "fm.syntax": {
        "zh": ("第 {line_no} 行附近的元数据读不懂：“{text}”",
               "对照上下几行检查：每行“字段: 值”，英文冒号后加一个空格；值里有冒号、# 或引号时，整个值用英文双引号括起来；缩进只用空格。"),
        "en": ("the front matter around line {line_no} cannot be read: \"{text}\"",
               "compare it with the lines around it: one \"field: value\" per line, a space "
               "after the colon, double quotes around a value holding a colon, # or quotes, "
               "spaces (not tabs) for indentation")},
    "fm.control-char": {
        "zh": ("第 {line_no} 行有看不见的控制字符 {char}", "这类字符多是从别处复制来的：删掉这一行的值，重新手打。"),
        "en": ("line {line_no} holds an invisible control character {char}",
               "it usually comes from copying: delete the value and type it again")},
    "fm.tab": {
        "zh": ("第 {line_no} 行“{text}”用 Tab 键缩进了", "元数据只能用空格缩进：把 Tab 换成两个空格，改成：{fix}"),
        "en": ("line {line_no} is indented with a tab: \"{text}\"",
               "front matter is indented with spaces only: replace the tab with two spaces: {fix}")},
    "fm.fullwidth-space": {
        "zh": ("第 {line_no} 行“{text}”用了中文全角空格“　”", "把全角空格换成英文半角空格（切换到英文输入法再打空格），改成：{fix}"),
        "en": ("line {line_no} has a full-width space (U+3000): \"{text}\"",
               "replace it with an ordinary space (type it with the English keyboard): {fix}")},
    "fm.fullwidth-colon": {
        "zh": ("第 {line_no} 行“{text}”用了中文冒号“：”", "改成英文冒号“:”，后面加一个空格：{fix}"),
        "en": ("line {line_no} uses a full-width colon \"：\": \"{text}\"",
               "use an ASCII colon \":\" followed by a space: {fix}")},
    "fm.colon-space": {
        "zh": ("第 {line_no} 行“{text}”冒号后面少了空格", "英文冒号“:”后面要加一个空格：{fix}"),
        "en": ("line {line_no} has no space after the colon: \"{text}\"",
               "put a space after the colon: {fix}")},
    "fm.unclosed-quote": {
        "zh": ("第 {line_no} 行“{text}”的引号 {quote} 没有配对", "在值的末尾补上同样的引号：{fix}"),
        "en": ("the quote {quote} on line {line_no} is never closed: \"{text}\"",
               "close it at the end of the value: {fix}")},
    "fm.fullwidth-quote": {
        "zh": ("第 {line_no} 行“{text}”用了中文引号“{quote}”括住值", "元数据里括住整个值要用英文双引号 \"：{fix}"),
        "en": ("line {line_no} quotes its value with \"{quote}\": \"{text}\"",
               "quote a whole value with ASCII double quotes: {fix}")},
    "fm.indent": {
        "zh": ("第 {line_no} 行“{text}”前面多了空格", "字段要顶格写，删掉行首的空格：{fix}"),
        "en": ("line {line_no} is indented: \"{text}\"",
               "fields start at the beginning of the line: {fix}")},
    "fm.colon-in-value": {
        "zh": ("第 {line_no} 行“{text}”的值里有“冒号加空格”", "整个值用英文双引号括起来：{fix}"),
        "en": ("the value on line {line_no} holds a colon and a space: \"{text}\"",
               "put the whole value in double quotes: {fix}")},
    "fm.unclosed-bracket": {
        "zh": ("第 {line_no} 行“{text}”的括号 {bracket} 没有配对", "补上另一半括号：{fix}"),
        "en": ("the bracket {bracket} on line {line_no} is never closed: \"{text}\"",
               "close it: {fix}")},
    "fm.reserved-start": {
        "zh": ("第 {line_no} 行“{text}”的值以“{char}”开头，这个符号在元数据里有特殊含义", "整个值用英文双引号括起来：{fix}"),
        "en": ("the value on line {line_no} starts with \"{char}\", which has a meaning of its "
               "own in front matter: \"{text}\"", "put the whole value in double quotes: {fix}")},
    "fm.after-quote": {
        "zh": ("第 {line_no} 行“{text}”引号后面还有文字", "引号要括住整个值：{fix}"),
        "en": ("line {line_no} has text after the closing quote: \"{text}\"",
               "quote the whole value: {fix}")},
    "fm.bad-date": {
        "zh": ("第 {line_no} 行“{text}”的日期不存在", "核对月份和日子（例如 2 月没有 30 日），写成 年-月-日，例如 2026-12-01。"),
        "en": ("the date on line {line_no} does not exist: \"{text}\"",
               "check the month and day (February has no 30th); write YYYY-MM-DD")},
    # body: what Markdown does not make of Chinese writing habits
    "writing.enumeration": {
        "zh": ("“{marker}”开头的行不会显示成列表，几行会挤成一段：“{text}”",
               "编号列表写成“1. ”（数字、英文句点、空格），每项一行；不要编号就写“- ”。"),
        "en": ("a line starting \"{marker}\" is not a list: lines run together: \"{text}\"",
               "write numbered items as \"1. \" (digit, full stop, space), one per line, or "
               "\"- \" for bullets")},
    "writing.bullet": {
        "zh": ("“{marker}”开头的行不会显示成列表：“{text}”", "列表项写成“- ”（英文短横线加空格）开头。"),
        "en": ("a line starting \"{marker}\" is not a list item: \"{text}\"",
               "start list items with \"- \" (a hyphen and a space)")},
    "writing.heading-space": {
        "zh": ("“#”后面少了空格：“{text}”",
               "标题写成“## 标题”（# 号后加一个空格）；不是标题的话，在 # 前加反斜杠 \\#。"),
        "en": ("no space after \"#\": \"{text}\"",
               "write headings as \"## Heading\" (a space after the #); if it is not a "
               "heading, write \\# instead")},
    "writing.heading-skip": {
        "zh": ("标题从 {before} 级跳到了 {level} 级：“{text}”", "标题要一级一级往下：## 下面用 ###，不要直接用 ####。读屏软件靠标题级别给老人导航。"),
        "en": ("the headings jump from level {before} to level {level}: \"{text}\"",
               "go down one level at a time (## then ###): screen readers navigate by them")},
    "writing.fullwidth-pipe": {
        "zh": ("表格用了中文竖线“｜”，不会显示成表格：“{text}”", "把“｜”换成英文竖线“|”（英文输入法下 Shift + \\）。"),
        "en": ("the table uses full-width bars \"｜\" and is not shown as a table: \"{text}\"",
               "replace \"｜\" with ASCII \"|\"")},
    "checklist.malformed-item": {
        "zh": ("清单项写法不对，不会显示成可以打勾的方框：“{text}”",
               "写成“- [ ] 事项”：英文方括号，中间一个英文空格，后面再一个空格。"),
        "en": ("this item is not a checkbox as written: \"{text}\"",
               "write \"- [ ] item\": ASCII brackets with one space inside, and a space after")},
    "structure.empty-section": {
        "zh": ("必需章节“{title}”下面没有内容", "写上几句，或写明“暂无”以及什么时候会更新。"),
        "en": ("required section \"{title}\" is empty",
               "write a few lines, or say there is nothing yet and when there will be")},
    # template text left in: an error in a guide to be published, a note in a draft
    "writing.placeholder": {
        "zh": ("还留着模板里的占位文字：“{text}”", "换成真正的内容（guides new 和 guides translate 写的示范文字都要替换）。"),
        "en": ("template text is still here: \"{text}\"",
               "replace it with the real text (guides new and guides translate write it as "
               "an example)")},
    "writing.todo": {
        "zh": ("还有待办标记“{word}”：“{text}”", "补完这里的内容，再删掉“{word}”。"),
        "en": ("a to-do mark \"{word}\" is still here: \"{text}\"",
               "finish this part, then delete \"{word}\"")},
    "translation.copied": {
        "zh": ("有 {count} 处和普通话原文一模一样，还没有翻译，第一处：“{text}”",
               "翻译成{language}（guides translate 先复制原文，要逐句改写）。"),
        "en": ("{count} line(s) are the Mandarin source's, not yet translated; the first: "
               "\"{text}\"", "translate them into {language} (guides translate starts "
               "from a copy of the source)")},
    # links written the Chinese way
    "link.fullwidth-bracket": {
        "zh": ("链接用了中文括号“{bracket}”，不会变成链接：“{text}”", "写成 [文字](地址)：英文方括号加英文圆括号，中间不留空格。"),
        "en": ("the link uses full-width brackets \"{bracket}\" and is not a link: \"{text}\"",
               "write [text](address) with ASCII brackets and nothing between them")},
    "link.space": {
        "zh": ("链接地址里有空格：“{url}”", "删掉地址里的空格；地址要一口气写完。"),
        "en": ("the link address has a space in it: \"{url}\"", "remove the spaces from the address")},
    "link.md-file": {
        "zh": ("链接写了文件名 {url}", "链接另一篇指南写文件夹，例如 ../{folder}/（每种语言会自动打开对应版本）。"),
        "en": ("the link names a file: {url}",
               "link another guide by its folder, e.g. ../{folder}/ (each language then opens "
               "its own version)")},
    "home.unreachable": {
        "zh": ("已发布，但首页没有链接到这篇指南（也没有从首页能点到的页面链接它）",
               "在 content/home/zh.md 的相应栏目里加一行：- [{title}](../{folder}/)"),
        "en": ("published, but nothing on the home page leads to this guide",
               "add a line under the right heading of content/home/zh.md: "
               "- [{title}](../{folder}/)")},
    # phone numbers: the character at fault, and the number shown = the number dialled
    "phone.digit": {
        "zh": ("电话号码“{number}”里有全角或非英文数字“{char}”", "切换到英文输入法重新输入数字：{fix}"),
        "en": ("the phone number \"{number}\" has a non-ASCII digit \"{char}\"",
               "type the digits again with the English keyboard: {fix}")},
    "phone.dash": {
        "zh": ("电话号码“{number}”里用了“{char}”做连接号", "区号和号码之间用英文短横线“-”：{fix}"),
        "en": ("the phone number \"{number}\" uses \"{char}\" as a dash",
               "use an ASCII hyphen \"-\" after the area code: {fix}")},
    "phone.space": {
        "zh": ("电话号码“{number}”中间有空格", "手机可能认不出带空格的号码、点了也拨不通：写成 {fix}"),
        "en": ("the phone number \"{number}\" has spaces in it",
               "phones may not recognise or dial it: write {fix}")},
    "phone.space-link": {
        "zh": ("电话链接“{number}”里有空格，点了拨不通", "tel: 后面的号码不能有空格：写成 [{shown}](tel:{fix})"),
        "en": ("the phone link \"{number}\" has spaces and does not dial",
               "no spaces after tel: write [{shown}](tel:{fix})")},
    "phone.invisible": {
        "zh": ("电话号码“{number}”里有看不见的字符 {char}", "它会打乱号码的显示顺序或让号码拨不通：删掉这个号码重新手打：{fix}"),
        "en": ("the phone number \"{number}\" holds an invisible character {char}",
               "it can reorder the digits shown or break dialling: type the number again: {fix}")},
    "phone.mismatch": {
        "zh": ("电话链接显示的是“{shown}”，拨出去的却是“{dialled}”", "显示的号码和 tel: 后面的号码要一样：[{dialled}](tel:{dialled})"),
        "en": ("the phone link shows \"{shown}\" but dials \"{dialled}\"",
               "show the number it dials: [{dialled}](tel:{dialled})")},
    "phone.extension": {
        "zh": ("电话链接“{number}”里写了分机号，手机拨不出去", "tel: 后面只写总机号码，分机号用英文逗号隔开：tel:{fix}"),
        "en": ("the phone link \"{number}\" has an extension written in words and does not dial",
               "put only digits after tel:, with a comma before the extension: tel:{fix}")},
    "phone.free800": {
        "zh": ("“{number}”是 800 免费电话，很多手机打不通", "同时写上一个手机能打的号码（如 400 号码或座机）。"),
        "en": ("\"{number}\" is an 800 freephone number, which many mobile phones cannot call",
               "give a number mobiles can call as well (a 400 number or a landline)")},
    # -- lite pages (issue 17, lite): the page made for congested networks --
    "lite.too-big": {
        "zh": ("content/{folder}/{language}.md: 精简版页面压缩后 {size} 字节，超过 {budget} 字节的上限",
               "精简版会去掉后面的小节，但标题、当时的做法、求助电话和依据本身已经放不下。"
               "把开头的说明写短一些，或者减少依据的条数。"),
        "en": ("content/{folder}/{language}.md: the lite page is {size} bytes compressed, over "
               "the {budget}-byte limit",
               "the lite page leaves out sections from the end, but the title, time context, "
               "hotlines and sources alone do not fit: shorten the opening text or list "
               "fewer sources")},
}

# -- h-input (issue 16: files read once, names, old names) ---------------------------------
CATALOG.update({
    "file.symlink": {
        "zh": ("“{name}”是一个链接（指向 {target}），不会被读取，也不会发布",
               "把真正的文件复制到这里，替换这个链接：网站只发布 content/ 里实实在在的文件。"),
        "en": ("\"{name}\" is a symbolic link (to {target}); it is not read or published",
               "copy the real file here in place of the link: the site publishes only files "
               "that are really inside content/")},
    "file.special": {
        "zh": ("“{name}”不是普通文件（{kind}），不会被读取，也不会发布",
               "删掉它。content/ 里只放 .md 文本、图片、录音和 PDF。"),
        "en": ("\"{name}\" is not a regular file ({kind}); it is not read or published",
               "delete it: content/ holds only .md files, images, audio and PDFs")},
    "file.hardlink": {
        "zh": ("“{name}”是一个硬链接（磁盘上另有 {links} 处是同一个文件），不会被读取，也不会发布",
               "把文件复制一份放在这里（复制，不要链接）。"),
        "en": ("\"{name}\" is a hard link (the same file as {links} places on the disk); it "
               "is not read or published", "put a copy of the file here, not a link")},
    "file.too-deep": {
        "zh": ("文件夹套得太深（超过 {depth} 层），里面的文件不会被读取",
               "图片和录音直接放在指南文件夹里，例如 content/指南名/图片.png。"),
        "en": ("folders nested too deep (more than {depth} levels); nothing inside is read",
               "keep images and audio in the guide's folder, e.g. content/guide-name/photo.png")},
    "file.folder-name": {
        "zh": ("文件夹名“{name}”不能用在网址里",
               "文件夹名就是网址的一部分：只用小写英文字母 a–z、数字 0–9 和单个连字符 -，"
               "例如 testing-guide。"),
        "en": ("the folder name \"{name}\" cannot be part of a web address",
               "a folder name is part of the page's address: use only lowercase letters a-z, "
               "digits 0-9 and single hyphens, e.g. testing-guide")},
    "file.file-name": {
        "zh": ("文件名“{name}”里有网址里用不了的字符",
               "文件名里不要有空格、# ? % & 引号、尖括号或看不见的控制字符，把它们换成连字符 -，"
               "再改正文里的链接。"),
        "en": ("the file name \"{name}\" has characters that break web addresses",
               "no spaces, # ? % & quotes, angle brackets or invisible control characters in "
               "file names: replace them with a hyphen -, then fix the links to it")},
    "fm.renamed-path": {
        "zh": ("renamed_from 里的“{value}”不是一个文件夹名",
               "只写这篇指南以前的文件夹名，例如 renamed_from: [old-testing-guide]；"
               "不要写 /、.. 或完整网址。"),
        "en": ("\"{value}\" in renamed_from is not a folder name",
               "write only the folder names this guide had before, e.g. renamed_from: "
               "[old-testing-guide]; no /, .. or full addresses")},
    "fm.renamed-name": {
        "zh": ("renamed_from 里的“{value}”不能用在网址里",
               "旧文件夹名只能由小写字母 a–z、数字 0–9 和单个连字符 - 组成。"),
        "en": ("\"{value}\" in renamed_from cannot be part of a web address",
               "old folder names are lowercase letters a-z, digits 0-9 and single hyphens")},
    "fm.renamed-reserved": {
        "zh": ("renamed_from 里的“{value}”是网站自己生成的页面或文件",
               "从旧网址跳转会把它盖掉。删掉这一项（保留的名字有：{reserved}）。"),
        "en": ("\"{value}\" in renamed_from is a page or file the site writes itself",
               "a redirect there would replace it: remove this entry (reserved: {reserved})")},
    "fm.renamed-taken": {
        "zh": ("renamed_from 里的“{value}”是现有指南的文件夹",
               "跳转会盖掉那篇指南。删掉这一项，或者先给那篇指南改名。"),
        "en": ("\"{value}\" in renamed_from is the folder of an existing guide",
               "a redirect would replace that guide: remove this entry, or rename that guide "
               "first")},
    "fm.renamed-shared": {
        "zh": ("renamed_from 里的“{value}”也写在 {other} 里",
               "一个旧网址只能跳到一篇指南：只在其中一篇里保留它。"),
        "en": ("\"{value}\" in renamed_from is also in {other}",
               "an old address can lead to one guide only: keep it in one of them")},
})

SUGGEST = {"zh": "（是不是想写“{suggestion}”？）", "en": " (did you mean \"{suggestion}\"?)"}
EXPECTED = {
    "text": ("文字", "text"), "integer": ("正整数", "a whole number"),
    "date": ("日期（年-月-日，例如 2026-11-29）", "a date (YYYY-MM-DD)"),
    "list": ("一个词或一组词", "a word or a list of words"),
}


def render(code: str, lang: str, args: dict[str, Any]) -> tuple[str, str]:
    """(message, hint) for a finding; unknown codes still print something useful."""
    lang = lang if lang in ("zh", "en") else "zh"
    entry = CATALOG.get(code)
    if entry is None:
        return code, ""
    values = dict(args)
    expected = EXPECTED.get(str(values.get("expected")), (values.get("expected"),) * 2)
    values["expected_zh"], values["expected_en"] = expected
    problems = {"list": ("应该是一个列表", "it must be a list"),
                "item": ("每条都要有 version、date 和 note", "each entry needs version, date and note"),
                "ahead": ("记录的版本比当前 version 还新", "an entry is newer than the guide's version"),
                "order": ("要按版本从新到旧排列", "entries must go from newest to oldest")}
    values["problem_zh"], values["problem_en"] = problems.get(str(values.get("problem")),
                                                              ("", ""))
    guess = values.get("guess")
    values["guess_zh"] = "（看起来是 GBK/GB18030）" if guess else ""
    values["guess_en"] = " (it looks like GBK/GB18030)" if guess else ""
    message, hint = entry[lang]
    try:
        message, hint = message.format(**values), hint.format(**values)
    except (KeyError, IndexError, ValueError):
        pass
    if values.get("suggestion"):
        message += SUGGEST[lang].format(suggestion=values["suggestion"])
    return message, hint


# -- h-tools: publishing, releases (发布包) and the command line -------------------------
# "版本" is a guide's version only; a published copy of the whole site is a 发布包 (release).
CATALOG.update({
    "publish.example-url": {
        "zh": ("网站地址 site_url 还是示例地址 {url}，不能发布",
               "打开 {config}，把第 {line} 行改成你们网站的真实地址，例如 site_url: https://指南.你们的站.cn/"
               "（二维码、分享链接和搜索引擎都用这个地址）。本地预览 guides serve 不受影响。"),
        "en": ("site_url is still the example address {url}: not published",
               "open {config} and put your site's real address on line {line}, e.g. "
               "site_url: https://guides.your-station.cn/ (QR codes, shared links and search "
               "engines use it). The local preview (guides serve) works without it.")},
    "publish.build-failed": {
        "zh": ("没有发布：网站没有生成成功（原因见上面）", "改好上面的问题后再发布；线上网站没有变化。"),
        "en": ("not published: the site was not built (see above)",
               "fix the problems above and publish again; the live site has not changed")},
    "publish.links": {
        "zh": ("没有发布：生成的网页里有 {count} 个链接指向不存在的页面或位置",
               "线上网站没有变化。改正这些链接（guides check 会指出对应的文件）后再发布。"),
        "en": ("not published: the built pages hold {count} links to pages or places that do "
               "not exist", "the live site has not changed; fix these links (guides check "
               "points to the files) and publish again")},
    "publish.locked": {
        "zh": ("{target} 正在被另一个 guides 命令发布或回退", "等它结束后再运行一次。"),
        "en": ("another guides command is publishing to or rolling back {target}",
               "wait for it to finish, then run this again")},
    "publish.current-dir": {
        "zh": ("{link} 是一个普通文件夹，不是指向发布包的链接，guides 不会替换它",
               "网站没有变化。把它改个名字（例如 mv {link} {link}.old），再运行一次；以后 {link} 由 guides 管理。"),
        "en": ("{link} is an ordinary folder, not a link to a release: guides will not replace it",
               "nothing changed. Rename it (e.g. mv {link} {link}.old) and run this again; "
               "from then on guides manages {link}")},
    "publish.current-file": {
        "zh": ("{link} 是一个普通文件，不是指向发布包的链接，guides 不会替换它",
               "网站没有变化。把它改个名字（例如 mv {link} {link}.old），再运行一次。"),
        "en": ("{link} is an ordinary file, not a link to a release: guides will not replace it",
               "nothing changed. Rename it (e.g. mv {link} {link}.old) and run this again")},
    "publish.no-space": {
        "zh": ("磁盘满了：新的发布包没能写完，已经删掉，线上网站没有变化",
               "腾出磁盘空间后再发布。可以先删掉旧的发布包：guides prune --to {target} --keep 2"),
        "en": ("the disk is full: the new release could not be written; it was removed and the "
               "live site has not changed", "free some space and publish again; old releases "
               "can go first: guides prune --to {target} --keep 2")},
    "publish.os-error": {
        "zh": ("无法写入 {path}：{reason_zh}", "检查这个文件夹的权限和剩余空间；线上网站没有变化。"),
        "en": ("cannot write {path}: {reason_en}",
               "check the folder's permissions and free space; the live site has not changed")},
    "publish.windows": {
        "zh": ("发布、回退要在 Linux 或 macOS 的服务器上运行，Windows 上不行",
               "在 Windows 上可以新建、检查、预览；把项目文件夹放到服务器上，再在那里运行 guides publish。"),
        "en": ("publishing and rolling back run on a Linux or macOS server, not on Windows",
               "write, check and preview on Windows; run guides publish on the server")},
    "publish.no-earlier": {
        "zh": ("没有更早的发布包可以回退", "用 guides releases --to {target} 查看全部发布包。"),
        "en": ("there is no earlier release to roll back to",
               "guides releases --to {target} lists every release")},
    "publish.no-release": {
        "zh": ("{target} 里没有名为“{name}”的发布包", "用 guides releases --to {target} 查看可以用的名字。"),
        "en": ("{target} holds no release named \"{name}\"",
               "guides releases --to {target} lists the names you can use")},
    "publish.already-live": {
        "zh": ("发布包 {name} 已经是线上正在用的", "不需要切换。guides releases --to {target} 列出全部发布包。"),
        "en": ("release {name} is already live",
               "nothing to do; guides releases --to {target} lists every release")},
    "publish.incomplete": {
        "zh": ("发布包 {name} 不完整（有文件缺失或被改过），不能切换到它",
               "选另一个发布包（guides releases --to {target}），或者重新发布。"),
        "en": ("release {name} is incomplete (files are missing or changed): not switched to",
               "pick another release (guides releases --to {target}) or publish again")},
})

# -- s-rank (issue 13): search synonyms (content/_data/synonyms.yml) ----------------------
CATALOG.update({
    "synonyms.not-mapping": {
        "zh": ("同义词文件的格式不对", "文件里只写 groups:，下面每行一组，例如 - [发烧, 发热, fever]。"),
        "en": ("the synonyms file is malformed",
               "write groups: and under it one group a line, e.g. - [发烧, 发热, fever]")},
    "synonyms.unknown-key": {
        "zh": ("同义词文件里不认识“{key}”", "只写 groups:，每组一行，写在它下面。"),
        "en": ("\"{key}\" is not known in the synonyms file",
               "write only groups:, with one group a line under it")},
    "synonyms.not-list": {
        "zh": ("groups 应该是一组一组的词", "每组一行，以“- ”开头，例如 - [发烧, 发热, fever]。"),
        "en": ("groups must be a list of groups",
               "one group a line, starting with \"- \", e.g. - [发烧, 发热, fever]")},
    "synonyms.group-text": {
        "zh": ("这一组“{value}”用了全角逗号或顿号，会被当成一个词",
               "用方括号和半角逗号加空格：- [发烧, 发热, fever]。"),
        "en": ("the group \"{value}\" is separated with full-width commas or 、, so it reads "
               "as one word", "use brackets and half-width commas: - [发烧, 发热, fever]")},
    "synonyms.group-brackets": {
        "zh": ("这一组“{value}”用了全角方括号（［ ］或【 】），会被当成一个词",
               "换成半角方括号，词之间用半角逗号加空格：- [发烧, 发热, fever]。"),
        "en": ("the group \"{value}\" is in full-width brackets (［ ］ or 【 】), so it reads "
               "as one word", "use half-width brackets and commas: - [发烧, 发热, fever]")},
    "synonyms.group-not-list": {
        "zh": ("这一组不是一串词：“{value}”", "把这组词写在方括号里，用半角逗号隔开：- [发烧, 发热, fever]。"),
        "en": ("this group is not a list of words: \"{value}\"",
               "put the group's words in brackets, separated by commas: - [发烧, 发热, fever]")},
    "synonyms.word-not-text": {
        "zh": ("组里的这一项不是一个词", "组里只写词，用半角逗号隔开，不要再套方括号或写“名: 值”。"),
        "en": ("this entry of the group is not a word",
               "a group holds only words separated by commas: no nested brackets or key: value")},
    "synonyms.word-empty": {
        "zh": ("组里有一个空词（两个逗号连在一起，或结尾多了逗号）", "删掉多余的逗号。"),
        "en": ("the group has an empty word (two commas in a row, or one at the end)",
               "remove the extra comma")},
    "synonyms.word-separator": {
        "zh": ("“{word}”里有全角逗号、顿号或分号，会被当成一个词",
               "词之间用半角逗号加空格隔开：[发烧, 发热]。"),
        "en": ("\"{word}\" holds a full-width comma, 、 or a semicolon, so it reads as one word",
               "separate words with half-width commas and a space: [发烧, 发热]")},
    "synonyms.word-long": {
        "zh": ("“{word}…”太长（超过 {limit} 个字），不像一个词", "同义词只写词或短语，不写句子。"),
        "en": ("\"{word}…\" is too long (over {limit} characters) for a word",
               "synonyms are words or short phrases, not sentences")},
    "synonyms.word-twice": {
        "zh": ("“{word}”在这一组里写了两次", "删掉重复的一个。"),
        "en": ("\"{word}\" is twice in this group", "remove one of them")},
    "synonyms.group-short": {
        "zh": ("这一组只有一个词，没有同义词", "至少写两个词，例如 [发烧, 发热]；或者删掉这一组。"),
        "en": ("this group has only one word, so it does nothing",
               "write at least two words, e.g. [发烧, 发热], or remove the group")},
    "synonyms.duplicate-group": {
        "zh": ("这一组和第 {first} 行的一组完全一样", "删掉这一组。"),
        "en": ("this group is the same as the one on line {first}", "remove this group")},
})

# -- w-text (issue 14: sharing to WeChat: the broadcast text and `guides share`) -----------
CATALOG.update({
    "broadcast.too-long": {
        "zh": ("群发文字 broadcast 加上网址共 {total} 个字，超过了 {limit} 个字的上限",
               "删掉 {over} 个字（网址 {url} 占 {url_length} 个字，会自动加在最后）；"
               "只留标题、最要紧的三件事和一个求助电话。不写 broadcast 的话，会用第一节自动生成。"),
        "en": ("the broadcast text with the page's address is {total} characters; the limit is "
               "{limit}",
               "cut {over} characters (the address {url}, {url_length} characters, is added at "
               "the end); keep the title, the three most important actions and one hotline. "
               "Without broadcast, it is made from the first section")},
    "broadcast.multiple-urls": {
        "zh": ("群发文字 broadcast 里写了别的网址：{url}",
               "群发文字只放这一页的网址，而且会自动加在最后；把这个网址删掉。"),
        "en": ("the broadcast text holds another address: {url}",
               "the page's own address is added at the end; delete this one")},
    "share.no-address": {
        "zh": ("网址太长，放不进 {limit} 个字的群发文字：{url}",
               "在 mkdocs.yml 里用短一些的 site_url，或者给指南文件夹起个短一点的名字。"),
        "en": ("the address is too long for a {limit}-character broadcast text: {url}",
               "use a shorter site_url in mkdocs.yml, or a shorter folder name")},
})


# -- share images, posters and cards (issue 14, w-images) -------------------------------------
CATALOG.update({
    "share.no-font": {
        "zh": ("这台电脑上没有中文字体，分享卡片（og:image）没有生成，页面用网站统一的分享图",
               "安装中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk），或者把环境变量 "
               "SHOUWANG_CJK_FONT 设成一个 .ttf/.otf/.ttc 字体文件的路径，再生成一次。"),
        "en": ("no Chinese font on this machine: share cards (og:image) were not made; pages "
               "use the site's one share picture",
               "install a Chinese font (Debian/Ubuntu: apt-get install fonts-noto-cjk) or set "
               "SHOUWANG_CJK_FONT to a .ttf/.otf/.ttc file, then build again")},
    "share.no-chromium": {
        "zh": ("找不到 Chromium（{path}），长图和海报要用它来排版",
               "安装 Chromium 和中文字体（apt-get install chromium fonts-noto-cjk），"
               "或者把环境变量 SHOUWANG_CHROMIUM 设成 Chromium 的路径。"),
        "en": ("Chromium was not found ({path}); long images and posters are laid out with it",
               "install it with a Chinese font (apt-get install chromium fonts-noto-cjk) or set "
               "SHOUWANG_CHROMIUM to its path")},
    "share.no-cjk-browser-font": {
        "zh": ("Chromium 找不到中文字体，长图和海报上的中文会显示成方框，所以没有生成",
               "安装中文字体（apt-get install fonts-noto-cjk），再运行一次。"),
        "en": ("Chromium has no Chinese font: Chinese text on long images and posters would "
               "show as boxes, so none were made",
               "install one (apt-get install fonts-noto-cjk) and run again")},
})


# -- s3: publishing to S3-compatible object storage (guides/publishing/) ---------------------
CATALOG.update({
    "s3.bad-target": {
        "zh": ("发布地址 {target} 写得不对", "写成 s3://桶名/前缀，例如 s3://guides-site/ 或 s3://station-bucket/guides（前缀可以不写）。"),
        "en": ("{target} is not an S3 address", "write it as s3://BUCKET/PREFIX, e.g. "
               "s3://guides-site/ or s3://station-bucket/guides (the prefix is optional)")},
    "s3.no-credentials": {
        "zh": ("没有找到对象存储的访问密钥，没有发布",
               "设置环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY（阿里云、腾讯云、华为云控制台里叫 AccessKey ID / SecretId 和 AccessKey Secret / SecretKey），"
               "或者写在 ~/.aws/credentials 里；再用 --endpoint 或 AWS_ENDPOINT_URL 指定服务地址。详见 HANDBOOK.md 的“发布到对象存储和 CDN”。"),
        "en": ("no object-storage access key was found: nothing was published",
               "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or put them in "
               "~/.aws/credentials, or set AWS_PROFILE), and the service address with "
               "--endpoint or AWS_ENDPOINT_URL; see HANDBOOK.md, \"发布到对象存储和 CDN\"")},
    "s3.bad-endpoint": {
        "zh": ("服务地址 {endpoint} 写得不对（{reason}）", "写成完整的网址，例如 --endpoint https://oss-cn-shanghai.aliyuncs.com"),
        "en": ("the endpoint {endpoint} is not a valid address ({reason})",
               "give a full address, e.g. --endpoint https://s3.example-cloud.com")},
    "s3.unreachable": {
        "zh": ("连不上对象存储服务 {endpoint}（{reason}），线上网站没有变化",
               "检查网络和服务地址（--endpoint 或 AWS_ENDPOINT_URL），过一会儿再发布一次；没传完的部分下次会补上。"),
        "en": ("cannot reach the object store at {endpoint} ({reason}); the live site is whole",
               "check the network and the address (--endpoint or AWS_ENDPOINT_URL), then "
               "publish again: the next publish finishes what this one left")},
    "s3.no-bucket": {
        "zh": ("存储桶 {bucket} 不存在（服务地址 {endpoint}）",
               "在云服务控制台里先创建这个桶，或者检查桶名和地域（region）有没有写错。"),
        "en": ("the bucket {bucket} does not exist (at {endpoint})",
               "create it in the cloud console first, or check the bucket name and region")},
    "s3.denied": {
        "zh": ("对象存储拒绝访问 {target}（{error}），没有发布",
               "检查访问密钥是否写对、是否过期，以及这个密钥有没有这个桶的读、写、列出和删除权限。"),
        "en": ("the object store denied access to {target} ({error}): nothing was published",
               "check the access key (typed right, not expired) and that it may read, "
               "write, list and delete in this bucket")},
    "s3.error": {
        "zh": ("对象存储返回错误 {error}：{reason}", "线上网站仍然完整。过一会儿再运行一次；一直出错就把这条信息发给技术人员。"),
        "en": ("the object store answered with an error, {error}: {reason}",
               "the live site is whole; try again later, and report this message if it "
               "goes on")},
    "s3.locked": {
        "zh": ("{target} 正在被另一个 guides 命令使用（{host} 上的进程 {pid} 在{what_zh}），这次没有发布",
               "等它结束后再运行一次。如果那个命令已经被中断，锁会在 {until} 自动失效。"),
        "en": ("another guides command is using {target} ({what_en} by process {pid} on "
               "{host}): this one did nothing", "wait for it to finish and run this again; "
               "if it was stopped, its lock runs out at {until}")},
    "s3.lock-lost": {
        "zh": ("发布中断：锁没能续上（网络断了太久，或者被别的命令接管），线上网站仍然完整",
               "再运行一次 guides publish，没传完的部分会补上。"),
        "en": ("stopped: the lock could not be renewed (the network was down too long, or "
               "another command took over); the live site is whole",
               "run guides publish again: it finishes what this one left")},
    "s3.reserved": {
        "zh": ("网站里有一个叫 {name} 的文件夹，这个名字留给发布包用", "把内容里的 {name} 文件夹改个名字。"),
        "en": ("the site has a folder named {name}, a name kept for releases",
               "rename the {name} folder in the content")},
})
