// The page's own interface texts, in both languages. Everything about the rules comes from the
// engine, which writes it in both: findings and explanations in the report, criterion titles and
// rules, and the labels of every enumeration (legal status, verdicts, units…) in its catalogue
// (`enumText`, `criterionRule` below); the page keeps no copy of them.

import { label, criterionInfo } from './engine.js';

const S = {
  'doc.title': ['专利密集型产品自评', 'Patent-intensive product self-assessment'],
  'app.title': ['专利密集型产品自评（预审）', 'Patent-intensive product self-assessment (pre-screen)'],
  'app.lead': [
    '对照专利密集型产品认定规则，预审您的产品能否申报，以及差在哪里、要改什么。',
    'Pre-screen your products against the patent-intensive product (专利密集型产品) rules: whether they qualify, and if not, what is missing.',
  ],
  'app.loading': ['正在载入计算引擎…', 'Loading the assessment engine…'],
  'app.loadFailed': ['计算引擎载入失败：{error}', 'The assessment engine failed to load: {error}'],
  colon: ['：', ': '],
  listSep: ['、', ', '],
  clauseSep: ['；', '; '],
  'lang.switch': ['English', '中文'],
  'lang.switchLabel': ['Switch to English', '切换到中文'],
  'skip': ['跳到结果', 'Skip to the results'],

  'privacy.title': ['您的数据留在哪里', 'Where your data stays'],
  'privacy.body': [
    '您填写的一切只在本浏览器中由本页自带的 WebAssembly 引擎计算，不会发送到任何服务器，本页也不向任何其他网站发出请求。只有在您要求时才会存储：“保存草稿”把文件下载到您的电脑；“自动保存”（默认关闭）把草稿（以及您载入的自有规则包）写入本浏览器的本地存储（localStorage），只在这台设备的这个浏览器里，关闭即删除。',
    'Everything you enter is computed in this browser by the WebAssembly engine that ships with this page. Nothing is sent to any server, and the page makes no request to any other site. Nothing is stored unless you ask: “Save draft” downloads a file to your computer; “Autosave” (off by default) keeps the draft, and any rule pack of your own you loaded, in this browser’s local storage (localStorage), on this device and in this browser only, and turning it off deletes it.',
  ],

  'tabs.label': ['页面功能', 'Page sections'],
  'tab.assess': ['自评', 'Self-assessment'],
  'tab.verify': ['核对报告', 'Verify a report'],

  'tools.label': ['草稿与报告', 'Draft and report'],
  'tools.blank': ['新建空白表', 'Start a blank form'],
  'tools.example': ['载入示例', 'Load the worked example'],
  'tools.save': ['保存草稿（JSON 文件）', 'Save draft (JSON file)'],
  'tools.open': ['打开草稿…', 'Open a draft…'],
  'tools.export': ['导出报告（JSON）', 'Export report (JSON)'],
  'tools.print': ['打印报告', 'Print report'],
  'tools.autosave': ['在本浏览器中自动保存草稿', 'Autosave the draft in this browser'],
  'tools.autosaveHint': [
    '默认关闭。开启后，每次修改都保存到本浏览器的本地存储，下次打开本页时自动恢复；关闭即删除已保存的草稿。',
    'Off by default. When on, every change is kept in this browser’s local storage and restored next time you open this page; turning it off deletes the saved draft.',
  ],
  'tools.confirmReplace': ['用新内容替换当前填写的内容？未保存的修改会丢失。', 'Replace what you have entered? Unsaved changes will be lost.'],
  'status.loadedExample': ['已载入示例。', 'The worked example is loaded.'],
  'status.blank': ['已新建空白表。', 'A blank form is ready.'],
  'status.roundChanged': ['已改为评估 {round} 年度（使用 {d} 年的经济数据）。', 'Now assessing round {round} (figures for {d}).'],
  'status.loadedDraft': ['已打开草稿“{name}”。', 'Opened the draft “{name}”.'],
  'status.restored': ['已恢复本浏览器中自动保存的草稿。', 'Restored the draft autosaved in this browser.'],
  'status.saved': ['草稿已下载为“{name}”。', 'The draft was downloaded as “{name}”.'],
  'status.exported': ['报告已下载为“{name}”。', 'The report was downloaded as “{name}”.'],
  'status.autosaveOn': ['自动保存已开启：草稿保存在本浏览器中。', 'Autosave is on: the draft is kept in this browser.'],
  'status.autosaveOff': ['自动保存已关闭，本浏览器中保存的草稿已删除。', 'Autosave is off; the draft kept in this browser was deleted.'],
  'status.notJson': ['“{name}”不是有效的 JSON 文件：{error}', '“{name}” is not a valid JSON file: {error}'],
  'status.notInput': ['“{name}”不是评估输入文件（format 应为 {format}）。', '“{name}” is not an assessment input (format should be {format}).'],

  'errors.title': ['有问题需要更正', 'There is a problem'],
  'errors.intro': ['更正以下错误后才能得出结论：', 'Correct these errors to get a result:'],
  'errors.warnings': ['提示（不影响计算）', 'Warnings (the assessment still runs)'],
  'errors.prefix': ['错误：', 'Error: '],
  'errors.warningPrefix': ['提示：', 'Warning: '],
  'ctx.filer': ['申报主体', 'Filer'],
  'ctx.round': ['认定年度', 'Round'],
  'ctx.patents': ['专利清单', 'Patents'],
  'ctx.products': ['产品', 'Products'],
  'ctx.licences': ['许可', 'Licences'],
  'ctx.patent': ['专利 {n}', 'Patent {n}'],
  'ctx.owner': ['权利人 {n}', 'Patentee {n}'],
  'ctx.licence': ['许可 {n}', 'Licence {n}'],
  'ctx.product': ['产品 {n}', 'Product {n}'],
  'ctx.link': ['关联专利 {n}', 'Linked patent {n}'],
  'ctx.economics': ['经济数据第 {n} 行', 'Economics row {n}'],
  'errors.removeField': ['删除未知字段“{name}”', 'Remove the unknown field “{name}”'],
  'errors.count': ['{n} 个错误，{w} 个提示', '{n} {n|error|errors}, {w} {w|warning|warnings}'],

  // Needed for a verdict (js/needed.js)
  'needed.title': ['为得出结论还需要的数据', 'Needed for a verdict'],
  'needed.intro': ['以下条件因缺少数据暂无法判断（这不是错误）：', 'These criteria cannot be decided until a figure is entered (these are not errors):'],
  'needed.where': ['产品 {id} · {criterion}', 'Product {id} · {criterion}'],
  'needed.dataYear': [
    '{round} 年度需要 {d} 年的经济数据，但您填写的是 {year} 年的数据，它们适用于 {served} 年度。',
    'Round {round} needs the figures for {d}, but the figures you entered are for {year}, which serve round {served}.',
  ],
  'needed.useRound': ['改为评估 {round} 年度', 'Assess round {round} instead'],

  // Filer
  'filer.legend': ['1. 申报主体', '1. Filer'],
  'filer.name': ['单位名称', 'Registered name'],
  'filer.name.hint': ['与营业执照一致。专利权人和被许可人按名称或信用代码与它比对（G3）。', 'As on the business licence. Patentees and licensees are matched against it by name or credit code (G3).'],
  'filer.uscc': ['统一社会信用代码', 'Unified social credit code (USCC)'],
  'filer.uscc.hint': ['18 位数字或大写字母，最后一位是校验码。填写后，专利权人按代码比对。', '18 digits or capital letters; the last one is a check character. When given, patentees are matched by this code.'],
  'uscc.ok': ['✓ 校验码正确', '✓ Check character is correct'],
  'filer.org_type': ['单位类型', 'Kind of organisation'],
  'filer.org_type.hint': ['企业、高等院校、科研院所、新型研发机构和社会组织可以申报（G1）。', 'Enterprises, universities, research institutes, new R&D institutions and social organisations may file (G1).'],
  'filer.independent_legal_person': ['是否独立法人', 'Independent legal person?'],
  'filer.independent_legal_person.hint': ['申报主体须为独立法人（G1）。', 'The filer must be an independent legal person (G1).'],
  'choice.unset': ['（未填）', '(not stated)'],
  'choice.yes': ['是', 'Yes'],
  'choice.no': ['否', 'No'],

  // Round
  'round.legend': ['2. 认定年度', '2. Round'],
  'round.round_year': ['认定年度', 'Round year'],
  'round.round_year.hint': ['今年申报即为今年。经济数据取上一年（数据年度 {d}）。', 'The year you file in. Economic figures are for the year before (data year {d}).'],
  'round.round_year.hintNone': ['今年申报即为今年。经济数据取上一年。', 'The year you file in. Economic figures are for the year before.'],
  'round.reference_date': ['参照日', 'Reference date'],
  'round.reference_date.hint': ['在这一天判断专利权属、法律状态和保护期，默认今天。', 'Rights, legal status and patent terms are judged on this day; today by default.'],
  'round.reference_date.auto': [
    '在这一天判断专利权属、法律状态和保护期。参照日随认定年度变化：现取 {date}（{why}）；手动修改后不再自动变化。',
    'Rights, legal status and patent terms are judged on this day. It follows the round: now {date} ({why}); once you change it, it stays as you set it.',
  ],
  'round.reference_date.today': ['今天', 'today'],
  'round.reference_date.moved': ['今天的月、日移到 {year} 年度', 'today’s day and month in round {year}'],
  'round.pack': ['规则包', 'Rule pack'],
  'round.pack.hint': ['规则包包含阈值及其出处，默认按认定年度选择。', 'A rule pack holds the thresholds and their sources; by default it is chosen by round year.'],
  'round.pack.auto': ['按认定年度自动选择', 'Chosen by round year'],
  'round.pack.rounds': ['{first}–{last} 年度', 'rounds {first}–{last}'],
  'round.pack.roundsOpen': ['{first} 年度起', 'rounds {first} onwards'],

  // Patents
  'patents.legend': ['3. 专利清单', '3. Patents'],
  'patents.hint': [
    '列出产品关联的全部专利。申请号可带 ZL/CN 前缀、空格或全角字符，输入时即规范化并核对校验位。可从专利检索系统导出 CSV 导入，或从电子表格复制含标题行的多行粘贴。',
    'List every patent your products link to. Application numbers may carry a ZL/CN prefix, spaces or full-width characters; each is normalised and its check character verified as you type. Import a CSV exported from a patent search system, or paste rows copied from a spreadsheet (with the header row).',
  ],
  'patents.empty': ['尚无专利。请添加、导入或粘贴。', 'No patents yet. Add, import or paste some.'],
  'patents.add': ['添加专利', 'Add a patent'],
  'patents.import': ['导入 CSV…', 'Import CSV…'],
  'patents.paste': ['粘贴表格行', 'Paste spreadsheet rows'],
  'patents.caption': ['专利清单（每行一件专利）', 'Patents (one per row)'],
  'patents.row': ['第 {n} 件', 'Patent {n}'],
  'col.number': ['申请号', 'Application number'],
  'col.type': ['类型', 'Type'],
  'col.title': ['专利名称', 'Title'],
  'col.filing_date': ['申请日', 'Filing date'],
  'col.grant_date': ['授权日', 'Grant date'],
  'col.legal_status': ['法律状态', 'Legal status'],
  'col.rights': ['权属与其他', 'Rights and more'],
  'col.actions': ['操作', 'Actions'],
  'type.auto': ['按申请号判断', 'From the number'],
  'number.ok': ['✓ {number} · {type} · {year} 年申请 · 校验位正确', '✓ {number} · {type} · filed {year} · check character correct'],
  'number.warn': ['{number} · {type} · {year} 年申请', '{number} · {type} · filed {year}'],
  'number.legacyCheck': ['校验位按规则应为 {expected}；1992 年及以前的申请号仅作提示', 'the check character should be {expected}; for numbers of 1992 or earlier this is only a warning'],
  'number.foreign': ['非中国专利不计入（G4）。', 'Patents outside CN never count (G4).'],
  'patent.details': ['详情', 'Details'],
  'patent.summary': ['{owners} 名权利人，{licences} 项许可', '{owners} {owners|patentee|patentees}, {licences} {licences|licence|licences}'],
  'patent.remove': ['删除第 {n} 件专利', 'Remove patent {n}'],
  'patent.removeShort': ['删除', 'Remove'],
  'patent.detailsFor': ['第 {n} 件专利的详情', 'Details of patent {n}'],
  'patent.owners': ['专利权人（参照日）', 'Patentees (on the reference date)'],
  'patent.owners.hint': ['本单位须是专利权人之一，或持有覆盖参照日的许可，专利才计入（G3）。', 'The patent counts only if your organisation is one of its patentees, or holds a licence covering the reference date (G3).'],
  'owner.name': ['权利人名称', 'Patentee name'],
  'owner.uscc': ['统一社会信用代码（可选）', 'Credit code (optional)'],
  'owner.add': ['添加权利人', 'Add a patentee'],
  'owner.addFiler': ['添加本单位为权利人', 'Add my organisation as patentee'],
  'owner.remove': ['删除此权利人', 'Remove this patentee'],
  'patent.licences': ['许可（本单位为被许可人时填写）', 'Licences (when your organisation is a licensee)'],
  'patent.licences.hint': ['独占、排他、普通和开放许可都计入；普通或未备案的许可会给出提示。', 'Exclusive, sole, ordinary and open licences all count; an ordinary or unrecorded licence gets a warning.'],
  'licence.name': ['被许可人名称', 'Licensee name'],
  'licence.uscc': ['被许可人信用代码（可选）', 'Licensee credit code (optional)'],
  'licence.kind': ['许可类型', 'Kind of licence'],
  'licence.start': ['起始日', 'Start date'],
  'licence.end': ['终止日（含当日，可空）', 'End date (inclusive, may be empty)'],
  'licence.recorded': ['已在国家知识产权局备案', 'Recorded with CNIPA'],
  'licence.add': ['添加本单位获得的许可', 'Add a licence held by my organisation'],
  'licence.remove': ['删除此许可', 'Remove this licence'],
  'patent.jurisdiction': ['国家/地区', 'Jurisdiction'],
  'patent.jurisdiction.hint': ['默认 CN。只有中国专利计入。', 'CN by default. Only Chinese patents count.'],
  'patent.term_extension_days': ['保护期补偿（天）', 'Term compensation (days)'],
  'patent.term_extension_days.hint': ['专利法 2020 年修正的期限补偿，没有则留空。', 'Term compensation under the 2020 Patent Law; leave empty if none.'],
  'patent.flags': ['高价值发明专利情形（仅作信息）', 'High-value invention patent (information only)'],
  'patent.foreign_family_granted': ['有已授权的境外同族专利', 'A family member is granted abroad'],
  'patent.strategic_emerging_industry': ['属于战略性新兴产业', 'Belongs to a strategic emerging industry'],
  'patent.pledged': ['曾经质押', 'Has been pledged'],
  'patent.awards': ['获奖（中国专利奖或国家科技奖，每行一项）', 'Awards (China Patent Award or national S&T award, one per line)'],

  // Import
  'import.title': ['粘贴电子表格行', 'Paste spreadsheet rows'],
  'import.text': ['粘贴的内容（含标题行）', 'Pasted rows (with the header row)'],
  'import.text.hint': ['从电子表格或专利检索系统的导出中复制，包括“申请号”“申请日”“名称”“专利权状态”等标题。', 'Copy from a spreadsheet or a patent search export, including headers such as 申请号, 申请日, 名称, 专利权状态.'],
  'import.run': ['导入这些行', 'Import these rows'],
  'import.cancel': ['取消', 'Cancel'],
  'import.result': ['共 {rows} 行：导入 {added} 件专利；{skipped} 件已在清单中，未重复添加；{problems} 行无法读取。', '{rows} {rows|row|rows}: {added} {added|patent|patents} imported; {skipped} already listed, not added again; {problems} {problems|row|rows} could not be read.'],
  'import.problem': ['第 {row} 行{column}：{message}', 'Row {row}{column}: {message}'],
  'import.column': ['（{column} 列）', ' (column {column})'],
  'import.columnName': ['{column}列：', 'column {column}: '],
  'import.skipped': ['已在清单中、未重复添加的 {n} 件：{numbers}', 'Already listed, so not added again ({n}): {numbers}'],
  'import.skippedMore': ['……另有 {n} 件', ' … and {n} more'],
  'import.unavailable': ['此版本的计算引擎尚不支持导入 CSV。', 'This build of the engine cannot import CSV yet.'],
  'import.empty': ['没有可导入的内容。', 'There is nothing to import.'],

  // Products
  'products.legend': ['4. 产品', '4. Products'],
  'products.hint': ['每个产品单独评估。', 'Each product is assessed on its own.'],
  'products.add': ['添加产品', 'Add a product'],
  'product.legend': ['产品 {n}', 'Product {n}'],
  'product.remove': ['删除产品 {n}', 'Remove product {n}'],
  'product.id': ['产品编号', 'Product id'],
  'product.id.hint': ['本单位自定的编号，在本文件内不能重复。', 'Your own identifier, unique within this document.'],
  'product.name': ['产品名称', 'Product name'],
  'product.category': ['产品类别代码', 'Category code'],
  'product.category.hint': ['国民经济行业分类或产品分类代码，例如 C3720。', 'Industry or product classification code, e.g. C3720.'],
  'product.status': ['产品状态', 'Status'],
  'product.status.hint': ['只有在售产品可以认定（G7）。', 'Only products on the market can be certified (G7).'],
  'product.filer_role': ['本单位的角色', 'Your role'],
  'product.filer_role.hint': ['申报主体须生产或销售该产品（G2）。', 'The filer must make or sell the product (G2).'],
  'product.links': ['关联专利', 'Linked patents'],
  'product.links.hint': ['输入或粘贴产品实施的专利的申请号（可一次多个，用空格、逗号或换行分隔），或从输入时出现的列表中选择；再写明产品如何实施每件专利（G6），声明为核心的请勾选“核心专利”。', 'Type or paste the numbers of the patents the product implements (several at once, separated by spaces, commas or new lines), or pick from the list that appears as you type; then say how the product uses each (G6) and tick “core patent” for those you declare core.'],
  'product.links.none': ['专利清单为空，请先在第 3 部分添加专利。', 'The patent list is empty: add patents in part 3 first.'],
  'link.statement': ['实施说明：产品如何实施该专利', 'Statement: how the product uses this patent'],
  'link.core': ['核心专利', 'Core patent'],
  'link.unknown': ['关联的申请号“{number}”不在专利清单中', 'Linked number “{number}” is not in the patent list'],
  'link.remove': ['删除此关联', 'Remove this link'],
  'product.economics': ['经济数据（按年度）', 'Economic figures (per year)'],
  'product.economics.hint': [
    '{round} 年度需要 {d} 年的经济数据（数据年度 = 认定年度 − 1，G5）；再填上一年可算出增长率。金额按所选单位和币种填写。',
    'Round {round} needs the figures for {d} (the data year is the round year − 1; G5); the year before adds a growth figure. Amounts are in the chosen unit and currency.',
  ],
  'product.economics.hintNone': ['须有数据年度的一行（G5）。', 'A row for the data year is needed (G5).'],
  'economics.row': ['{year} 年', 'Year {year}'],
  'economics.rowNew': ['新的一年', 'New year'],
  'economics.year': ['年度', 'Year'],
  'economics.unit': ['金额单位', 'Unit'],
  'economics.currency': ['币种', 'Currency'],
  'economics.currency.hint': ['ISO 代码，默认 CNY。', 'ISO code; CNY by default.'],
  'economics.fx_rate_to_cny': ['汇率（1 外币 = ? 元人民币）', 'Rate (CNY per 1 unit of currency)'],
  'economics.fx_rate_to_cny.hint': ['币种不是 CNY 时必填。', 'Required when the currency is not CNY.'],
  'economics.sales_revenue': ['销售收入', 'Sales revenue'],
  'economics.sales_revenue.hint': ['该产品当年的销售收入（B1）。', 'The product’s sales revenue in the year (B1).'],
  'economics.export_revenue': ['其中出口收入', 'Of which export revenue'],
  'economics.profit': ['利润', 'Profit'],
  'economics.profit.hint': ['可以为负（B1 利润率）。', 'May be negative (B1 profit margin).'],
  'economics.ip_investment': ['知识产权投入', 'IP investment'],
  'economics.ip_investment.hint': ['B3：投入 ÷ 销售收入。', 'B3: investment ÷ sales.'],
  'economics.patent_attributable_revenue': ['专利贡献收入', 'Patent-attributable revenue'],
  'economics.patent_attributable_revenue.hint': ['归因于专利技术的销售收入（B3）。', 'Sales revenue owed to the patented technology (B3).'],
  'figure.what': ['这一项指什么？', 'What counts here?'],
  'money.wrongUnit': [
    '此栏以{unit}为单位，请只填数字：{value}（即您写的金额），或把本行的金额单位改为{written}。',
    'This field is in {unit}: enter the number only — {plain} is the amount you wrote — or set this row’s unit to {written}.',
  ],
  'money.wrongUnitShort': ['此栏以{unit}为单位，请只填数字，或把本行的金额单位改为{written}。', 'This field is in {unit}: enter the number only, or set this row’s unit to {written}.'],
  'economics.add': ['添加一年', 'Add a year'],
  'economics.remove': ['删除 {year} 年的数据', 'Remove the figures for {year}'],
  'product.core_features': ['核心功能数', 'Number of core features'],
  'product.core_features.hint': ['产品竞争力所依赖的核心功能总数（B4）。', 'How many core features the product’s competitiveness rests on (B4).'],
  'product.covered_core_features': ['其中被关联专利覆盖的', 'of which covered by the linked patents'],
  'product.covered_core_features.hint': ['B4：覆盖数 ÷ 核心功能数。', 'B4: covered ÷ core features.'],



  // Results
  'app.assessFailed': ['评估未能完成：{error}', 'The assessment did not complete: {error}'],
  'errors.more': ['……另有 {n} 项未列出', '… and {n} more not listed'],
  'overview.title': ['总览：{n} 个产品', 'Overview: {n} {n|product|products}'],
  'overview.caption': ['各产品的结论', 'Each product’s verdict'],
  'overview.show': ['查看详情', 'Show result'],
  'ptable.filter': ['按结论筛选', 'Filter by verdict'],
  'ptable.all': ['全部（{n}）', 'All ({n})'],
  'ptable.noResult': ['尚无结论', 'No result yet'],
  'ptable.count': ['显示 {shown} / {n} 个产品', 'Showing {shown} of {n} {n|product|products}'],
  'ptable.id': ['编号', 'Id'],
  'ptable.name': ['名称', 'Name'],
  'ptable.verdict': ['结论', 'Verdict'],
  'ptable.failing': ['未通过 / 无法判断的条件', 'Failing / undetermined criteria'],
  'ptable.undecided': ['无法判断', 'Undetermined'],
  'ptable.counted': ['计入的专利', 'Patents counted'],
  'pager.label': ['分页', 'Pages'],
  'pager.prev': ['上一页', 'Previous page'],
  'pager.next': ['下一页', 'Next page'],
  'pager.page': ['第 {page} / {pages} 页', 'Page {page} of {pages}'],
  'ptab.searchLabel': ['查找专利', 'Find patents'],
  'ptab.search': ['按申请号或名称查找', 'Search by number or title'],
  'ptab.any': ['全部', 'Any'],
  'ptab.counted': ['是否计入', 'Counts?'],
  'ptab.counted.yes': ['至少对一个产品计入', 'Counts for a product'],
  'ptab.counted.no': ['不计入任何产品', 'Counts for no product'],
  'ptab.counted.unlinked': ['未关联任何产品', 'Linked to no product'],
  'ptab.counted.reason': ['不计入：{reason}', 'Not counted: {reason}'],
  'ptab.sort': ['排序', 'Sort by'],
  'ptab.descending': ['倒序', 'Descending'],
  'ptab.sort.index': ['录入顺序', 'Order entered'],
  'ptab.sort.number': ['申请号', 'Application number'],
  'ptab.sort.title': ['名称', 'Title'],
  'ptab.sort.filing_date': ['申请日', 'Filing date'],
  'ptab.sort.grant_date': ['授权日', 'Grant date'],
  'ptab.sort.legal_status': ['法律状态', 'Legal status'],
  'ptab.count': ['第 {from}–{to} 件，共 {shown} 件符合（清单共 {n} 件）', 'Patents {from}–{to} of {shown} matching ({n} in the list)'],
  'ptab.none': ['没有符合条件的专利（清单共 {n} 件）。', 'No patent matches ({n} in the list).'],
  'standing.unlinked': ['未关联', 'Not linked'],
  'standing.counted': ['计入 {n} 个产品', 'Counts for {n} {n|product|products}'],
  'standing.excluded': ['不计入', 'Not counted'],
  'standing.title': ['在各产品中的计入情况', 'Standing in each product'],
  'standing.countedFor': ['计入：{ids}', 'Counts for: {ids}'],
  'bulk.label': ['批量操作', 'Bulk actions'],
  'bulk.selected': ['已选 {n} 件', '{n} selected'],
  'bulk.selectPage': ['选择本页全部专利', 'Select every patent on this page'],
  'bulk.selectRow': ['选择第 {n} 件专利', 'Select patent {n}'],
  'bulk.selectMatching': ['选择全部符合的 {n} 件', 'Select all {n} matching'],
  'bulk.clear': ['取消选择', 'Clear selection'],
  'bulk.delete': ['删除所选（{n}）', 'Delete selected ({n})'],
  'bulk.confirmDelete': ['删除所选的 {n} 件专利？与它们的关联也会删除。', 'Delete the {n} selected {n|patent|patents}? Their links go too.'],
  'bulk.ownerName': ['专利权人', 'Patentee'],
  'bulk.setOwner': ['设为所选（{n}）的唯一专利权人', 'Set as sole patentee of the selected ({n})'],
  'products.none': ['尚无产品。', 'No products yet.'],
  'products.caption': ['产品一览（选择一个产品进行编辑）', 'Products (choose one to edit)'],
  'products.edit': ['编辑', 'Edit'],
  'product.links.count': ['关联专利（{n} 件）', 'Linked patents ({n})'],
  'product.links.empty': ['尚未关联专利。', 'No patent linked yet.'],
  'link.add': ['按申请号关联专利', 'Link patents by number'],
  'link.add.hint': ['任何常见写法均可，如 ZL 2020 1 0566088.9、CN202010566088.9；按 Enter 关联，Shift+Enter 换行。', 'Any usual spelling, e.g. ZL 2020 1 0566088.9 or CN202010566088.9; Enter links, Shift+Enter starts a new line.'],
  'link.suggestions': ['匹配的专利', 'Matching patents'],
  'link.addRun': ['关联', 'Link'],
  'link.filtered': ['关联专利清单当前显示的全部 {n} 件', 'Link {n|the one patent|all {n} patents} the patent list shows now'],
  'link.added': ['已关联 {n} 件。', '{n} linked.'],
  'link.already': ['{n} 件此前已关联。', '{n} already linked.'],
  'link.notListed': ['不在专利清单中：{numbers}', 'Not in the patent list: {numbers}'],
  'results.loadingDetail': ['正在取出详细结果…', 'Fetching the detailed result…'],
  'results.changedMeanwhile': ['结果在此期间已更新，请再试一次。', 'The result changed meanwhile; please try again.'],
  'print.missing': ['此产品的详细结果尚未载入本页：请用“打印报告”按钮打印，它会先载入全部产品的结果。', 'This product’s detailed result is not loaded in the page: print with the “Print report” button, which loads every product’s result first.'],
  'print.filer': ['申报主体：{name}', 'Filer: {name}'],
  'print.filerUscc': ['申报主体：{name}（统一社会信用代码 {uscc}）', 'Filer: {name} (unified social credit code {uscc})'],
  'print.noName': ['（未填单位名称）', '(no name given)'],
  'print.round': ['认定年度 {round}（数据年度 {d}）· 参照日 {date}', 'Round {round} (data year {d}) · reference date {date}'],
  'results.title': ['预审结果', 'Results'],
  'results.live': ['实时结果', 'Live result'],
  'results.liveLink': ['查看详情', 'See details'],
  'results.pending': ['正在计算…', 'Assessing…'],
  'results.noProducts': ['没有可评估的产品。', 'There is no product to assess.'],
  'results.blocked': ['输入中有 {n} 个错误，规则尚未运行。请按问题列表更正。', 'The input has {n} {n|error|errors}, so the rules have not run. Correct {n|it|them} using the list of problems.'],
  'results.toFill': ['还需填写以下 {n} 项，才能得出结论：', 'To get a result, fill in {n|this field|these {n} fields}:'],
  'results.toFillToo': ['另外还需填写以下 {n} 项：', 'Also fill in {n|this field|these {n} fields}:'],
  'results.toFillShort': ['还需填写 {n} 项', '{n} {n|field|fields} to fill in'],
  'results.revealAll': ['显示全部问题', 'Show every problem'],
  'results.blockedShort': ['有 {n} 个错误待更正', '{n} {n|error|errors} to correct'],
  'banner.title': ['基准阈值是参考值，不是官方值', 'The benchmark thresholds are reference values, not official ones'],
  'banner.body': [
    'B1–B4 的阈值是本项目的参考值：T/PPAC 402-2022 和 GB/T 46961-2025 中各类别的基准值没有公开。达到参考基准不等于获得认定；认定还要经过行业专家的产业性评价。',
    'The B1–B4 thresholds are this project’s reference values: the per-category benchmark values in T/PPAC 402-2022 and GB/T 46961-2025 are not public. Meeting the reference benchmark is not a certification; certification also needs the industry evaluation by sector experts.',
  ],
  'banner.official': ['本结果使用的全部基准阈值均为官方值。', 'Every benchmark threshold used here is official.'],
  'meta.title': ['本报告的依据', 'What this report rests on'],
  'meta.pack': ['规则包', 'Rule pack'],
  'meta.packSha': ['规则包 SHA-256', 'Rule pack SHA-256'],
  'meta.inputSha': ['输入 SHA-256', 'Input SHA-256'],
  'meta.engine': ['计算引擎', 'Engine'],
  'meta.round': ['认定年度 / 数据年度', 'Round year / data year'],
  'meta.reference': ['参照日', 'Reference date'],
  'meta.generated': ['打印时间', 'Printed on'],
  'product.heading': ['{id} {name}', '{id} {name}'],
  'group.gates': ['资格条件（G1–G7）', 'Eligibility gates (G1–G7)'],
  'group.benchmarks': ['基准维度（B1–B4）', 'Benchmark dimensions (B1–B4)'],
  'criterion.what': ['规则', 'Rule'],
  'criterion.result': ['结果', 'Result'],
  'criterion.values': ['使用的数值', 'Values used'],
  'criterion.gap': ['差距：', 'To pass: '],
  'criterion.source': ['出处', 'Source'],
  'criterion.basis': ['依据', 'Basis'],
  'ind.indicator': ['指标', 'Indicator'],
  'ind.value': ['您的数值', 'Your value'],
  'ind.threshold': ['阈值', 'Threshold'],
  'ind.verdict': ['结果', 'Result'],
  'counted.title': ['计入的专利', 'Patents that count'],
  'counted.none': ['没有专利计入。', 'No patent counts.'],
  'counted.patentee': ['专利权人', 'patentee'],
  'counted.licensee': ['被许可人', 'licensee'],
  'counted.expires': ['保护期至 {date}', 'in term through {date}'],
  'counted.core': ['核心', 'core'],
  'excluded.title': ['不计入的专利及原因', 'Patents that do not count, and why'],
  'info.title': ['参考信息（不参与判断）', 'For information (not judged)'],
  'hv.strategic_emerging_industry': ['战略性新兴产业', 'strategic emerging industry'],
  'hv.foreign_family_granted': ['境外同族授权', 'granted abroad'],
  'hv.maintained_over_10_years': ['维持超过 10 年', 'maintained over 10 years'],
  'hv.pledged': ['质押', 'pledged'],
  'hv.award': ['获奖', 'award'],
  'hv.label': ['高价值', 'high-value'],


  'vn.filer.org_type': ['单位类型', 'Kind of organisation'],
  'vn.filer.independent_legal_person': ['独立法人', 'Independent legal person'],
  'vn.product.filer_role': ['本单位的角色', 'Your role'],
  'vn.product.status': ['产品状态', 'Product status'],
  'vn.linked_patents': ['关联专利', 'Linked patents'],
  'vn.linked_patents_without_right': ['无权利的关联专利', 'Linked patents without a right'],
  'vn.reference_date': ['参照日', 'Reference date'],
  'vn.counted_patents': ['计入的专利', 'Counted patents'],
  'vn.min_counted_patents': ['至少须计入', 'Minimum to count'],
  'vn.data_year_end': ['数据年度末', 'End of data year'],
  'vn.economics.year': ['数据年度', 'Data year'],
  'vn.sales_revenue': ['销售收入', 'Sales revenue'],
  'vn.export_revenue': ['出口收入', 'Export revenue'],
  'vn.profit': ['利润', 'Profit'],
  'vn.ip_investment': ['知识产权投入', 'IP investment'],
  'vn.counted_links': ['计入的关联', 'Counted links'],
  'vn.counted_links_without_statement': ['缺实施说明的关联', 'Counted links without a statement'],
  'un.CNY': ['元', 'CNY'],
  'un.patents': ['件', 'patents'],
  'un.links': ['项', 'links'],
  'un.features': ['项', 'features'],
  'un.days': ['天', 'days'],
  'un.weighted patents': ['件（加权）', 'weighted patents'],
  'un.patents per 100,000,000 CNY': ['件 / 亿元', 'patents per 100,000,000 CNY'],
  'un.year': ['年', ''],
  'value.absent': ['（未填）', '(not given)'],
  'value.true': ['是', 'yes'],
  'value.false': ['否', 'no'],

  // Verify
  'verify.title': ['核对报告', 'Verify a report'],
  'verify.resultLabel': ['核对结果', 'Verification result'],
  'verify.intro': [
    '供审核人员使用：载入一份评估输入和一份报告，本页用同一引擎重新计算，说明二者是否一致；不一致时逐项列出不同之处（JSON 指针）。文件只在本浏览器中读取。',
    'For auditors: load an assessment input and a report; the page recomputes the report with the same engine and says whether they match, or lists each difference as a JSON pointer. Files are read in this browser only.',
  ],
  'verify.input': ['评估输入（JSON）', 'Assessment input (JSON)'],
  'verify.report': ['报告（JSON）', 'Report (JSON)'],
  'verify.pack': ['规则包（JSON，可选）', 'Rule pack (JSON, optional)'],
  'verify.pack.hint': ['仅当报告所用规则包不是本页内置的规则包时需要。', 'Only needed when the report used a pack this page does not carry.'],
  'verify.file': ['选择文件', 'Choose a file'],
  'verify.text': ['或粘贴内容', 'or paste the text'],
  'verify.run': ['重新计算并核对', 'Recompute and compare'],
};

let current = 'zh';

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh';
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('doc.title');
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(S, key);
}

/** The page's own text for a key, with {name} placeholders filled in. */
export function t(key, vars) {
  const entry = S[key];
  let text = entry ? entry[current === 'zh' ? 0 : 1] : key;
  if (vars) {
    // English plurals: {n|one|other} picks by the number n (the other form may hold {n}).
    text = text.replace(/\{(\w+)\|([^|{}]*(?:\{\w+\}[^|{}]*)*)\|([^|{}]*(?:\{\w+\}[^|{}]*)*)\}/g, (m, name, one, other) => (name in vars ? (Number(vars[name]) === 1 ? one : other) : m));
    text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  }
  return text;
}

/** A bilingual text from the engine ({zh, en}). */
export function pick(text) {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return current === 'zh' ? text.zh ?? text.en ?? '' : text.en ?? text.zh ?? '';
}

/** Fills every element marked data-i18n (text) and data-i18n-* (attributes). */
export function translateStatic(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
}

export const ALL_KEYS = Object.keys(S);

// The engine writes labels to sit inside a sentence ("valid", "makes it"); on their own, as an
// option or a badge, English starts with a capital.
function capital(text) {
  return current === 'en' && text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * The engine's label of an enumeration value (catalogue `labels`: org_type, patent_type,
 * legal_status, licence_kind, product_status, filer_role, money_unit, product_verdict, verdict,
 * basis), in the page's language; `{ inline: true }` keeps it as the engine wrote it, for use
 * inside a sentence. The value itself when the engine has no label for it.
 */
export function enumText(group, value, { inline = false } = {}) {
  const text = pick(label(group, value));
  if (!text) return String(value ?? '');
  return inline ? text : capital(text);
}

/** A sentence as shown on its own: English starts with a capital (engine texts may not). */
export function sentence(text) {
  return capital(text);
}

/** The engine's rule of a criterion in words, as a sentence (catalogue `criteria[].rule`). */
export function criterionRule(id) {
  const rule = pick(criterionInfo(id)?.rule);
  if (!rule) return '';
  const text = capital(rule);
  return /[.。]$/.test(text) ? text : `${text}${current === 'zh' ? '。' : '.'}`;
}
