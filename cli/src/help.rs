//! Help text for the program and each command, in both languages, with examples.

use crate::lang::Lang;

/// The commands, in the order help lists them.
pub const COMMANDS: &[&str] = &[
    "assess", "outlook", "verify", "rules", "test", "batch", "packs", "pack",
];

/// The program's help.
pub fn general(lang: Lang) -> String {
    let version = patent_intensive::VERSION;
    match lang {
        Lang::En => format!(
            "patent-intensive {version}
Pre-screens products against China's patent-intensive product (专利密集型产品) rules, exactly
and offline. Every result names the rule, its source and its basis.

Usage: patent-intensive <COMMAND> [OPTIONS]

Commands:
  assess   assess one input and print the report
  outlook  the rounds ahead per product: when the patent criteria fail, critical patents
  verify   recompute a report from its input and confirm it byte for byte
  rules    print the rule book of a rule pack (Markdown or JSON)
  test     run conformance case files and summarise
  batch    assess NDJSON, one input per line, on all cores
  packs    list the embedded rule packs
  pack     `pack export ID`: print a rule pack as JSON; `pack check FILE`: validate a pack
           and list what it changes

Options for every command:
  --lang zh|en   language of messages (default: from LC_ALL, LC_MESSAGES, LANG)
  -h, --help     help for the program or a command
  -V, --version  print the version

Exit status: 0 done, 1 usage or file error, 2 invalid input, 3 a check failed.

Examples:
  patent-intensive assess examples/fuzhou-bogie-monitor.json --pretty
  patent-intensive verify --input input.json report.json
  patent-intensive help batch
"
        ),
        Lang::Zh => format!(
            "patent-intensive {version}
按中国专利密集型产品认定规则对产品进行精确、离线的预审。每项结果都注明所依据的规则、来源和依据类型。

用法：patent-intensive <命令> [选项]

命令：
  assess   评估一份输入并输出报告
  outlook  逐产品展望以后各年度：专利条件何时不满足、关键专利
  verify   由输入重新计算报告，逐字节核对
  rules    输出规则包的规则手册（Markdown 或 JSON）
  test     运行一致性用例文件并汇总
  batch    评估 NDJSON（每行一份输入），使用全部处理器核心
  packs    列出内置规则包
  pack     `pack export ID`：以 JSON 输出规则包；`pack check 文件`：校验规则包并列出其改动

所有命令通用的选项：
  --lang zh|en   消息语言（默认取 LC_ALL、LC_MESSAGES、LANG）
  -h, --help     程序或命令的帮助
  -V, --version  输出版本

退出码：0 完成，1 用法或文件错误，2 输入无效，3 核对未通过。

示例：
  patent-intensive assess examples/fuzhou-bogie-monitor.json --pretty
  patent-intensive verify --input input.json report.json
  patent-intensive help batch
"
        ),
    }
}

/// The help of `command`, when it is one.
pub fn command(command: &str, lang: Lang) -> Option<&'static str> {
    let (en, zh) = match command {
        "assess" => (ASSESS_EN, ASSESS_ZH),
        "outlook" => (OUTLOOK_EN, OUTLOOK_ZH),
        "verify" => (VERIFY_EN, VERIFY_ZH),
        "rules" => (RULES_EN, RULES_ZH),
        "test" => (TEST_EN, TEST_ZH),
        "batch" => (BATCH_EN, BATCH_ZH),
        "packs" => (PACKS_EN, PACKS_ZH),
        "pack" => (PACK_EN, PACK_ZH),
        _ => return None,
    };
    Some(lang.pick(zh, en))
}

const ASSESS_EN: &str = "Assess one input and print the report JSON on stdout.

Usage: patent-intensive assess <FILE|-> [--pretty] [--detail full|verdicts] [--pack ID|FILE]

Arguments:
  <FILE|->         the assessment input (JSON); `-` reads standard input

Options:
  --pretty         indent the report (default: the compact canonical report bytes)
  --detail full|verdicts
                   how much the report says: `full` (the default) every text, value and
                   threshold; `verdicts` only ids, verdicts, gaps, findings and the identities
                   (engine, pack, input digest)
  --pack ID|FILE   apply this rule pack instead of the one the input names or its round year
                   selects: an embedded pack's id, or a pack file (e.g. official values)

Exit status: 0 the input is valid (whatever the verdicts), 2 the input has errors (the report
with its findings is still printed), 1 usage error or unreadable file.

Examples:
  patent-intensive assess examples/fuzhou-bogie-monitor.json --pretty
  patent-intensive assess - < input.json > report.json
  patent-intensive assess input.json --pack official-2025.json
  patent-intensive assess input.json --detail verdicts
";

const ASSESS_ZH: &str = "评估一份输入，在标准输出打印报告 JSON。

用法：patent-intensive assess <文件|-> [--pretty] [--detail full|verdicts] [--pack ID|文件]

参数：
  <文件|->         评估输入（JSON）；`-` 表示读取标准输入

选项：
  --pretty         缩进输出（默认输出紧凑的规范报告字节）
  --detail full|verdicts
                   报告的详略：`full`（默认）含全部文字、数值与阈值；`verdicts` 只含标识、结论、
                   差距、问题列表与身份信息（引擎、规则包、输入摘要）
  --pack ID|文件   使用此规则包，而不是输入指定或按年度选择的规则包：内置规则包 id 或规则包文件（如官方值）

退出码：0 输入有效（不论结论如何），2 输入有错误（仍输出带问题列表的报告），1 用法错误或文件无法读取。

示例：
  patent-intensive assess examples/fuzhou-bogie-monitor.json --pretty
  patent-intensive assess - < input.json > report.json
  patent-intensive assess input.json --pack official-2025.json
  patent-intensive assess input.json --detail verdicts
";

const OUTLOOK_EN: &str =
    "Print each product's outlook as a table: round Y and the next ten, whether the
patent criteria (G3, G4, G6, B2) hold in each, what makes them fail, the critical patents with
their annual-fee dates, and the term and licence ends ahead (rules.md §6). The JSON is in
`assess` (products[].outlook).

Usage: patent-intensive outlook <FILE|-> [--pack ID|FILE] [--lang zh|en]

Arguments:
  <FILE|->         the assessment input (JSON); `-` reads standard input

Options:
  --pack ID|FILE   apply this rule pack instead of the one the input names or its round year
                   selects: an embedded pack's id, or a pack file

Exit status: 0 the input is valid (whatever the outlook), 2 the input has errors (they are
printed, one per line), 1 usage error or unreadable file.

Examples:
  patent-intensive outlook examples/fuzhou-bogie-monitor.json
  patent-intensive outlook - --lang zh < input.json
";

const OUTLOOK_ZH: &str =
    "以表格输出每个产品的展望：本年度及以后十个年度，专利条件（G3、G4、G6、B2）是否满足、
不满足的原因、关键专利及其年费缴纳日、今后的保护期届满和许可到期（rules.md §6）。JSON 见 `assess`
（products[].outlook）。

用法：patent-intensive outlook <文件|-> [--pack ID|文件] [--lang zh|en]

参数：
  <文件|->         评估输入（JSON）；`-` 表示读取标准输入

选项：
  --pack ID|文件   使用此规则包，而不是输入指定或按年度选择的规则包：内置规则包 id 或规则包文件

退出码：0 输入有效（不论展望如何），2 输入有错误（逐行列出），1 用法错误或文件无法读取。

示例：
  patent-intensive outlook examples/fuzhou-bogie-monitor.json
  patent-intensive outlook - --lang zh < input.json
";

const VERIFY_EN: &str = "Recompute a report from its input and confirm it byte for byte.

Usage: patent-intensive verify --input <INPUT> <REPORT> [--pack ID|FILE] [--json]

The report is recomputed with the rule pack it names (the embedded pack of that id, or the one
given with --pack) and compared with REPORT as `assess` writes it (compact or --pretty, with or
without the final newline): `identical bytes` only for identical bytes, `identical but for
layout` when only a BOM, CRLF line endings or white space differ (which is named). On a mismatch
every differing field is listed as a JSON pointer with both values. A report whose input_sha256
is not the input's digest, or whose pack sha256 is not the pack's, is flagged as such.

Arguments:
  <REPORT>          the report to check; `-` reads standard input

Options:
  --input <INPUT>   the assessment input the report claims to be for (required)
  --pack ID|FILE    the rule pack to recompute with (required when no embedded pack has the
                    report's pack sha256: without it, verify names the pack needed and exits 2)
  --json            print the outcome as JSON instead of text

Exit status: 0 the report reproduces, 3 it does not, 2 the input has errors (and the report
reproduces) or REPORT / the pack is not valid, 1 usage error or unreadable file.

Examples:
  patent-intensive verify --input input.json report.json
  patent-intensive verify --input input.json report.json --pack official-2025.json --json
";

const VERIFY_ZH: &str = "由输入重新计算报告，逐字节核对。

用法：patent-intensive verify --input <输入> <报告> [--pack ID|文件] [--json]

用报告所写的规则包（同 id 的内置规则包，或 --pack 给出的规则包）重新计算，并与报告文件比较
（紧凑或 --pretty 形式，末尾换行可有可无）：字节完全相同才称“字节相同”；仅 BOM、CRLF 换行或空白
不同时称“除排版外相同”并指明哪一项。不一致时以 JSON 指针列出每个不同的字段及两边的值。
报告的 input_sha256 与输入不符、或规则包 sha256 不符时，明确指出。

参数：
  <报告>            待核对的报告；`-` 表示读取标准输入

选项：
  --input <输入>    报告对应的评估输入（必填）
  --pack ID|文件    用于重新计算的规则包（报告所用规则包的 sha256 不属于任何内置规则包时必填；未给出时，verify 指明所需规则包并以 2 退出）
  --json            以 JSON 输出核对结果

退出码：0 报告可复现，3 不可复现，2 输入有错误（且报告可复现）或报告、规则包无效，1 用法错误或文件无法读取。

示例：
  patent-intensive verify --input input.json report.json
  patent-intensive verify --input input.json report.json --pack official-2025.json --json
";

const RULES_EN: &str = "Print the rule book of a rule pack: every criterion with its rule, formula, threshold,
basis and source, the pack's id, version and SHA-256 at the top. It is generated from the pack
and the engine's own criteria metadata, so it cannot drift from the rules that run.

Usage: patent-intensive rules [--pack ID|FILE] [--lang zh|en] [--format md|json] [--check FILE]

Options:
  --pack ID|FILE   the pack (default: the newest embedded pack)
  --lang zh|en     language of the Markdown (JSON carries both)
  --format md|json Markdown (default) or JSON
  --check FILE     print nothing; compare FILE with the book and report the first stale line

Exit status: 0 printed (or FILE is current), 3 FILE is stale, 2 invalid pack, 1 usage error.

Examples:
  patent-intensive rules --pack cn-pip/t-ppac-402-2022 --lang zh
  patent-intensive rules --pack official-2025.json --format json
  patent-intensive rules --pack cn-pip/t-ppac-402-2022 --lang en --check docs/rulebook/cn-pip-t-ppac-402-2022.en.md
";

const RULES_ZH: &str = "输出规则包的规则手册：每条准则的规则、公式、阈值、依据与来源，开头注明规则包 id、版本和 SHA-256。
手册由规则包与引擎自带的准则元数据生成，与实际运行的规则不会脱节。

用法：patent-intensive rules [--pack ID|文件] [--lang zh|en] [--format md|json] [--check 文件]

选项：
  --pack ID|文件   规则包（默认：最新的内置规则包）
  --lang zh|en     Markdown 的语言（JSON 含两种语言）
  --format md|json Markdown（默认）或 JSON
  --check 文件     不输出手册；比较文件与手册，报告第一处过时的行

退出码：0 已输出（或文件是最新的），3 文件已过时，2 规则包无效，1 用法错误。

示例：
  patent-intensive rules --pack cn-pip/t-ppac-402-2022 --lang zh
  patent-intensive rules --pack official-2025.json --format json
  patent-intensive rules --pack cn-pip/t-ppac-402-2022 --lang en --check docs/rulebook/cn-pip-t-ppac-402-2022.en.md
";

const TEST_EN: &str =
    "Run conformance case files (docs/conformance.md) and print a readable diff for each
failure, then `N passed, N failed`.

Usage: patent-intensive test <DIR|FILE>... [--pack ID|FILE] [--verbose]

Arguments:
  <DIR|FILE>...    case files, or folders searched (recursively) for *.json case files

Options:
  --pack ID|FILE   assess cases that carry no `pack` of their own with this pack
  --verbose        also list the cases that pass

Exit status: 0 every case passes, 3 a case fails, 1 usage error or no case found.

Examples:
  patent-intensive test tests/cases
  patent-intensive test my-cases/ --pack official-2025.json
";

const TEST_ZH: &str = "运行一致性用例文件（见 docs/conformance.md），为每个失败的用例输出易读的差异，最后输出 `N passed, N failed`。

用法：patent-intensive test <目录|文件>... [--pack ID|文件] [--verbose]

参数：
  <目录|文件>...   用例文件，或（递归）查找 *.json 用例文件的目录

选项：
  --pack ID|文件   未自带 `pack` 的用例用此规则包评估
  --verbose        同时列出通过的用例

退出码：0 全部通过，3 有用例失败，1 用法错误或找不到用例。

示例：
  patent-intensive test tests/cases
  patent-intensive test my-cases/ --pack official-2025.json
";

const BATCH_EN: &str =
    "Assess NDJSON: one input per line in, one compact report per line out, in input order,
on all cores. Output line N is the report of input line N, byte-identical to what `assess` prints
for that line: a malformed or blank line gets its report with findings and the batch goes on. A
progress bar is drawn on stderr when stderr is a terminal.

Usage: patent-intensive batch [FILE|-] [--jobs N] [--detail full|verdicts] [--pack ID|FILE]

Arguments:
  [FILE|-]         NDJSON input (default: standard input)

Options:
  --jobs N         worker threads (default: the number of available cores)
  --detail full|verdicts
                   how much each report says (default `full`); `verdicts`: only ids, verdicts,
                   gaps, findings and the identities, for large batches
  --pack ID|FILE   apply this rule pack to every line

Exit status: 0 every line valid, 2 some line has errors (every report is still written),
1 usage error or unreadable file.

Examples:
  patent-intensive batch inputs.ndjson > reports.ndjson
  cat inputs.ndjson | patent-intensive batch --jobs 4 > reports.ndjson
  patent-intensive batch inputs.ndjson --detail verdicts > verdicts.ndjson
";

const BATCH_ZH: &str = "评估 NDJSON：每行一份输入，每行输出一份紧凑报告，顺序与输入一致，使用全部处理器核心。
输出第 N 行就是输入第 N 行的报告，与 `assess` 对该行的输出逐字节相同：格式错误的行或空行得到带问题列表的报告，
批处理继续进行。标准错误是终端时显示进度条。

用法：patent-intensive batch [文件|-] [--jobs N] [--detail full|verdicts] [--pack ID|文件]

参数：
  [文件|-]         NDJSON 输入（默认：标准输入）

选项：
  --jobs N         工作线程数（默认：可用核心数）
  --detail full|verdicts
                   每份报告的详略（默认 `full`）；`verdicts` 只含标识、结论、差距、问题列表与身份信息，
                   适合大批量
  --pack ID|文件   所有行都使用此规则包

退出码：0 所有行有效，2 有行存在错误（所有报告仍会输出），1 用法错误或文件无法读取。

示例：
  patent-intensive batch inputs.ndjson > reports.ndjson
  cat inputs.ndjson | patent-intensive batch --jobs 4 > reports.ndjson
  patent-intensive batch inputs.ndjson --detail verdicts > verdicts.ndjson
";

const PACKS_EN: &str =
    "List the embedded rule packs: id, version, rounds, the standard implemented, how many
thresholds are official or reference values, and the SHA-256 of the canonical form.

Usage: patent-intensive packs [--format text|json]

Examples:
  patent-intensive packs
  patent-intensive packs --format json
";

const PACKS_ZH: &str = "列出内置规则包：id、版本、适用年度、所实施的标准、官方值与参考值阈值的个数，以及规范形式的 SHA-256。

用法：patent-intensive packs [--format text|json]

示例：
  patent-intensive packs
  patent-intensive packs --format json
";

const PACK_EN: &str =
    "`pack export ID` prints an embedded rule pack as JSON, the starting point for a pack with
official values. The indented output has the same SHA-256 as the pack (the digest is taken over
the canonical form); --compact prints that canonical form itself, so `sha256sum` of it equals the
pack's SHA-256.

`pack check FILE` validates a pack file (every problem with its JSON pointer), prints its id,
version, SHA-256 and how many thresholds are official and reference, and lists what it changes
against the embedded pack it would replace (the embedded pack with its id, else the one for its
first round year): each parameter, weight and threshold whose value, basis or source differs
(old → new), and the benchmark rows added or removed.

Usage: patent-intensive pack export <ID> [--compact]
       patent-intensive pack check <FILE|-> [--json]

Options:
  --compact   (export) the canonical bytes, no newline
  --json      (check) the outcome as JSON: valid, pack, findings, compared_with, changes

Exit status (check): 0 valid pack, 2 invalid pack, 1 usage error or unreadable file.

Examples:
  patent-intensive pack export cn-pip/gb-t-46961-2025 > official-2026.json
  patent-intensive pack export cn-pip/t-ppac-402-2022 --compact | sha256sum
  patent-intensive pack check official-2026.json
  patent-intensive pack check examples/packs/two-category-rows.example.json --json
";

const PACK_ZH: &str = "`pack export ID` 以 JSON 输出内置规则包，可作为填写官方值的起点。缩进输出的 SHA-256 与规则包相同（摘要按规范形式计算）；
--compact 直接输出规范形式，对其运行 `sha256sum` 即得规则包的 SHA-256。

`pack check 文件` 校验规则包文件（逐条列出问题及其 JSON 指针），输出其 id、版本、SHA-256 以及官方值与参考值阈值的个数，
并列出它相对于将被替换的内置规则包（同 id 的内置规则包，否则为其首个适用年度的内置规则包）的改动：
取值、依据或来源不同的每个参数、权重和阈值（旧值 → 新值），以及新增或删除的基准行。

用法：patent-intensive pack export <ID> [--compact]
      patent-intensive pack check <文件|-> [--json]

选项：
  --compact   （export）输出规范形式的字节，不加换行
  --json      （check）以 JSON 输出结果：valid、pack、findings、compared_with、changes

退出状态（check）：0 规则包有效，2 规则包无效，1 用法错误或文件无法读取。

示例：
  patent-intensive pack export cn-pip/gb-t-46961-2025 > official-2026.json
  patent-intensive pack export cn-pip/t-ppac-402-2022 --compact | sha256sum
  patent-intensive pack check official-2026.json
  patent-intensive pack check examples/packs/two-category-rows.example.json --json
";
