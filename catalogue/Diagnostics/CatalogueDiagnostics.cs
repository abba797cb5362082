using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Diagnostics;

/// <summary>Every diagnostic about catalogue files, the fact schema and the holiday calendar:
/// FS2xxx for structure (YAML syntax, keys, value shapes), FS3xxx for meaning (names, types,
/// duplicates). Each code is documented in docs/diagnostics.md and is never reused or renumbered.</summary>
public static class CatalogueDiagnostics
{
    /// <summary>FS2001: the file is not valid YAML.</summary>
    /// <param name="at">Where the YAML parser stopped.</param>
    /// <param name="detail">What went wrong, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic YamlSyntax(SourceSpan at, string detail) => Diagnostic.Error(
        "FS2001",
        $"文件不是有效的 YAML（语法错误）：{detail}",
        at);

    /// <summary>FS2002: a required key is missing.</summary>
    /// <param name="at">The mapping that lacks the key.</param>
    /// <param name="key">The key.</param>
    /// <param name="meaning">What the key holds, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MissingKey(SourceSpan at, string key, string meaning) => Diagnostic.Error(
        "FS2002",
        $"缺少必填项“{key}”（{meaning}）。",
        at);

    /// <summary>FS2003: a key that this place does not allow.</summary>
    /// <param name="at">Where the key is.</param>
    /// <param name="key">The key.</param>
    /// <param name="allowed">The keys allowed here, joined.</param>
    /// <param name="suggestion">The key probably meant, or null.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownKey(SourceSpan at, string key, string allowed, string? suggestion) => Diagnostic.Error(
        "FS2003",
        $"不认识的项“{key}”。" + (suggestion is null ? string.Empty : $"是否想写“{suggestion}”？") + $"此处可用的项：{allowed}。",
        at);

    /// <summary>FS2004: a value of the wrong shape (text where a list is needed, and so on).</summary>
    /// <param name="at">Where the value is.</param>
    /// <param name="key">The key whose value it is.</param>
    /// <param name="expected">The shape needed, in Chinese.</param>
    /// <param name="found">The shape found, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic WrongShape(SourceSpan at, string key, string expected, string found) => Diagnostic.Error(
        "FS2004",
        $"“{key}”的值应为{expected}，实际是{found}。",
        at);

    /// <summary>FS2005: a key written twice in one mapping.</summary>
    /// <param name="at">Where the second key is.</param>
    /// <param name="key">The key.</param>
    /// <param name="firstLine">The line of the first occurrence.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateKey(SourceSpan at, string key, int firstLine) => Diagnostic.Error(
        "FS2005",
        $"项“{key}”重复出现（第 {firstLine} 行已有）。请删除或合并其中一个。",
        at);

    /// <summary>FS2006: a date that is not a real date in yyyy-MM-dd form.</summary>
    /// <param name="at">Where the date is.</param>
    /// <param name="text">The date as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidDate(SourceSpan at, string text) => Diagnostic.Error(
        "FS2006",
        $"“{text}”不是有效日期。请按 yyyy-MM-dd 书写，例如 2026-01-01。",
        at);

    /// <summary>FS2007: an action kind that is not one of the six.</summary>
    /// <param name="at">Where it is.</param>
    /// <param name="text">The kind as written.</param>
    /// <param name="allowed">The six kinds, joined.</param>
    /// <returns>The diagnostic.</returns>
    /// <param name="closest">The kind it was probably meant to be, or null.</param>
    public static Diagnostic UnknownActionKind(SourceSpan at, string text, string allowed, string? closest = null) => Diagnostic.Error(
        "FS2007",
        $"不认识的执法行为类别“{text}”。{(closest is null ? string.Empty : $"是否想写“{closest}”？")}应为：{allowed}。"
        + "执法行为类别在事实表的 actions 中定义，本机关审核的其他类别（如行政给付、行政裁决）在那里补充。",
        at);

    /// <summary>FS2008: a deadline that is not a positive number of working days.</summary>
    /// <param name="at">Where it is.</param>
    /// <param name="text">The value as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidWorkingDays(SourceSpan at, string text) => Diagnostic.Error(
        "FS2008",
        $"“{text}”不是有效的工作日数。请写正整数，例如 7 或“7 个工作日”；延长期限不允许延长时写 0。",
        at);

    /// <summary>FS2009: an id with characters that ids may not contain.</summary>
    /// <param name="at">Where it is.</param>
    /// <param name="text">The id as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidId(SourceSpan at, string text) => Diagnostic.Error(
        "FS2009",
        $"编号“{text}”无效。编号只能由英文字母、数字、连字符（-）和下划线（_）组成，长度不超过 64，例如 SC-P-01。",
        at);

    /// <summary>FS2010: a list that must not be empty is empty.</summary>
    /// <param name="at">Where it is.</param>
    /// <param name="key">The key whose list it is.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic EmptyList(SourceSpan at, string key) => Diagnostic.Error(
        "FS2010",
        $"“{key}”不能为空列表，至少要有一项。",
        at);

    /// <summary>FS2011: a fact type that the schema does not know.</summary>
    /// <param name="at">Where it is.</param>
    /// <param name="text">The type as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownFactType(SourceSpan at, string text) => Diagnostic.Error(
        "FS2011",
        $"不认识的事实类型“{text}”。可用的类型：money（金额）、number（数值）、enum（枚举）、ordinal（有序枚举）、set（枚举集合）、boolean（是否）、judgement（判断标记）。",
        at);

    /// <summary>FS2012: an enum, ordinal or set fact without values.</summary>
    /// <param name="at">Where the fact is.</param>
    /// <param name="key">The fact's key.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MissingValues(SourceSpan at, string key) => Diagnostic.Error(
        "FS2012",
        $"事实“{key}”是枚举类型，必须用 values 列出全部取值（有序枚举按从低到高的顺序）。",
        at);

    /// <summary>FS2013: a file with more than one YAML document.</summary>
    /// <param name="at">Where the second document starts.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MultipleDocuments(SourceSpan at) => Diagnostic.Error(
        "FS2013",
        "一个文件只能有一个 YAML 文档。请把“---”之后的内容移到单独的文件中。",
        at);

    /// <summary>FS2014: a named threshold whose value is not an amount.</summary>
    /// <param name="at">Where the value is.</param>
    /// <param name="name">The threshold's name.</param>
    /// <param name="text">The value as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidThresholdValue(SourceSpan at, string name, string text) => Diagnostic.Error(
        "FS2014",
        $"阈值“{name}”的值“{text}”不是数额。请写数字或中文数字，可带单位，例如 50000、5万元、0.5万元、1.5亿、五万元。",
        at);

    /// <summary>FS2015: a required text is empty.</summary>
    /// <param name="at">Where it is.</param>
    /// <param name="key">The key.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic EmptyText(SourceSpan at, string key) => Diagnostic.Error(
        "FS2015",
        $"“{key}”不能为空，请填写内容。",
        at);

    /// <summary>FS2016: a test case expects a classification that does not exist.</summary>
    /// <param name="at">Where it is.</param>
    /// <param name="text">The classification as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownClassification(SourceSpan at, string text) => Diagnostic.Error(
        "FS2016",
        $"不认识的结论“{text}”。应为 major（重大）、minor（非重大）、exempt（简易程序）、undetermined（尚无法判定）或 unlawful（不符合法定形式）。",
        at);

    /// <summary>FS2017: a file the catalogue refers to, or that was named, does not exist.</summary>
    /// <param name="at">Where the reference is.</param>
    /// <param name="what">What the file is, in Chinese.</param>
    /// <param name="path">The path looked for.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic FileNotFound(SourceSpan at, string what, string path) => Diagnostic.Error(
        "FS2017",
        $"找不到{what}“{path}”。请检查路径是否正确。",
        at);

    /// <summary>FS2018: a file that cannot be read.</summary>
    /// <param name="at">The file.</param>
    /// <param name="reason">The operating system's reason.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic FileUnreadable(SourceSpan at, string reason) => Diagnostic.Error(
        "FS2018",
        $"无法读取文件：{reason}",
        at);

    /// <summary>FS2019: a set fact with more values than a set can hold.</summary>
    /// <param name="at">Where the fact is.</param>
    /// <param name="key">The fact's key.</param>
    /// <param name="count">How many values it has.</param>
    /// <param name="limit">The most a set fact may have.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic TooManySetValues(SourceSpan at, string key, int count, int limit) => Diagnostic.Error(
        "FS2019",
        $"集合类事实“{key}”有 {count} 个取值，超过上限 {limit}。请合并相近的取值，或拆成两个事实。",
        at);

    /// <summary>FS2020: a YAML file that is neither a catalogue, a fact schema nor a holiday calendar.</summary>
    /// <param name="at">The file.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownFileKind(SourceSpan at) => Diagnostic.Error(
        "FS2020",
        "无法识别的文件：目录清单以 department 开头，事实表以 facts 开头，节假日安排以 years 开头，全国法定基准以 statute 开头，公开前隐去规则以 masking 开头。",
        at);

    /// <summary>FS2021: a yes/no setting written as something else.</summary>
    /// <param name="at">Where it is.</param>
    /// <param name="key">The key.</param>
    /// <param name="text">The value as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidBoolean(SourceSpan at, string key, string text) => Diagnostic.Error(
        "FS2021",
        $"“{key}”的值“{text}”无效，应为 true 或 false。",
        at);

    /// <summary>FS3001: two rules with the same id.</summary>
    /// <param name="at">Where the second id is.</param>
    /// <param name="id">The id.</param>
    /// <param name="firstLine">The line of the first rule with that id.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateRuleId(SourceSpan at, string id, int firstLine) => Diagnostic.Error(
        "FS3001",
        $"规则编号“{id}”重复（第 {firstLine} 行已使用）。每条规则的编号在本目录内必须唯一。",
        at);

    /// <summary>FS3002: a condition names a fact the schema does not have.</summary>
    /// <param name="at">Where the name is.</param>
    /// <param name="name">The name.</param>
    /// <param name="hint">A sentence that suggests a fix, or an empty string.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownFact(SourceSpan at, string name, string hint) => Diagnostic.Error(
        "FS3002",
        $"未知的事实“{name}”。{(hint.Length > 0 ? hint : "请使用事实表（facts.yaml）中的键名、中文名称或别名。")}",
        at);

    /// <summary>FS3003: a value that the fact does not allow.</summary>
    /// <param name="at">Where the value is.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <param name="value">The value.</param>
    /// <param name="hint">A did-you-mean, or the list of allowed values.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownValue(SourceSpan at, string fact, string value, string hint) => Diagnostic.Error(
        "FS3003",
        $"事实“{fact}”没有取值“{value}”。{hint}",
        at);

    /// <summary>FS3004: an operator that does not fit the fact's type.</summary>
    /// <param name="at">Where the operator is.</param>
    /// <param name="op">The operator as written.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <param name="type">The fact's type, in Chinese.</param>
    /// <param name="allowed">The ways this type can be tested, in words.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic OperatorNotAllowed(SourceSpan at, string op, string fact, string type, string allowed) => Diagnostic.Error(
        "FS3004",
        $"“{op}”不能用于{type}类事实“{fact}”。{type}类事实可以这样写：{allowed}。",
        at);

    /// <summary>FS3005: a name used as a threshold that the catalogue does not declare.</summary>
    /// <param name="at">Where the name is.</param>
    /// <param name="name">The name.</param>
    /// <param name="hint">A did-you-mean or a fix.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownThreshold(SourceSpan at, string name, string hint) => Diagnostic.Error(
        "FS3005",
        $"未定义的阈值“{name}”。{hint}",
        at);

    /// <summary>FS3006: a value of the wrong kind for the fact (text for an amount, and so on).</summary>
    /// <param name="at">Where the value is.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <param name="expected">What the fact needs, in words.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ValueWrongType(SourceSpan at, string fact, string expected) => Diagnostic.Error(
        "FS3006",
        $"这里的值与事实“{fact}”的类型不符：应为{expected}。",
        at);

    /// <summary>FS3007: a threshold name declared twice, or equal to a fact's name.</summary>
    /// <param name="at">Where the second declaration is.</param>
    /// <param name="name">The name.</param>
    /// <param name="clash">What it clashes with, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ThresholdNameClash(SourceSpan at, string name, string clash) => Diagnostic.Error(
        "FS3007",
        $"阈值名称“{name}”与{clash}重名。请换一个名称。",
        at);

    /// <summary>FS3008: two facts of the schema share a key, label or alias.</summary>
    /// <param name="at">Where the second use is.</param>
    /// <param name="name">The name.</param>
    /// <param name="other">The fact that already uses it.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateFactName(SourceSpan at, string name, string other) => Diagnostic.Error(
        "FS3008",
        $"名称“{name}”已被事实“{other}”使用。事实的键名、中文名称和别名在事实表内必须唯一。",
        at);

    /// <summary>FS3009: a test case expects a rule the catalogue does not have.</summary>
    /// <param name="at">Where the id is.</param>
    /// <param name="id">The id.</param>
    /// <param name="suggestion">The rule id probably meant, or null.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownRuleInTest(SourceSpan at, string id, string? suggestion) => Diagnostic.Error(
        "FS3009",
        $"测试用例期望的规则“{id}”不在本目录中。" + (suggestion is null ? string.Empty : $"是否想写“{suggestion}”？"),
        at);

    /// <summary>FS3010: a range whose lower bound is above its upper bound.</summary>
    /// <param name="at">Where the range is.</param>
    /// <param name="low">The lower bound as shown.</param>
    /// <param name="high">The upper bound as shown.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic RangeReversed(SourceSpan at, string low, string high) => Diagnostic.Error(
        "FS3010",
        $"区间的下限 {low} 大于上限 {high}，任何值都不会落在其中。请交换两端。",
        at);

    /// <summary>FS3011: a boundary note that repeats a different amount than the threshold.</summary>
    /// <param name="at">Where the note is.</param>
    /// <param name="note">The amount in the note, as shown.</param>
    /// <param name="threshold">The threshold, as shown.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic BoundaryAmountMismatch(SourceSpan at, string note, string threshold) => Diagnostic.Error(
        "FS3011",
        $"括号中注明的数额 {note} 与阈值 {threshold} 不一致。请核对原文，使两处数额相同。",
        at);

    /// <summary>FS3012: a money unit on a number fact.</summary>
    /// <param name="at">Where the value is.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnitOnNumber(SourceSpan at, string fact) => Diagnostic.Error(
        "FS3012",
        $"事实“{fact}”是数值，不是金额，不能带“元”“万元”等单位。请去掉单位。",
        at);

    /// <summary>FS3013: an amount of money more precise than the 分.</summary>
    /// <param name="at">Where the amount is.</param>
    /// <param name="text">The amount as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MoneyTooPrecise(SourceSpan at, string text) => Diagnostic.Error(
        "FS3013",
        $"金额“{text}”精确到分以下。金额最多保留两位小数（分）。",
        at);

    /// <summary>FS3014: two catalogue files for the same department in force from the same day.</summary>
    /// <param name="at">Where the second department id is.</param>
    /// <param name="id">The department id.</param>
    /// <param name="other">The other file.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateDepartment(SourceSpan at, string id, string other) => Diagnostic.Error(
        "FS3014",
        $"部门“{id}”已有同一天施行的目录清单（{other}）。同一部门的各个版本须有不同的施行日期（effective_from）。",
        at);

    /// <summary>FS3015: a group of values used where only one value fits.</summary>
    /// <param name="at">Where the group is.</param>
    /// <param name="group">The group's name.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic GroupNotAllowed(SourceSpan at, string group, string fact) => Diagnostic.Error(
        "FS3015",
        $"“{group}”是事实“{fact}”的取值分组，包含多个取值，不能用“==”“!=”或比较运算符。请改写为“{fact.Split('（')[0]} in [{group}]”（“!=”改写为 not in）。",
        at);

    /// <summary>FS3016: a schema name that is also a keyword of the language.</summary>
    /// <param name="at">Where the name is.</param>
    /// <param name="name">The name.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic NameIsKeyword(SourceSpan at, string name) => Diagnostic.Error(
        "FS3016",
        $"“{name}”是条件语言的关键词，不能用作事实名称、取值、分组或阈值名称。请换一个名称。",
        at);

    /// <summary>FS3017: a value or alias listed twice for one fact.</summary>
    /// <param name="at">Where the second one is.</param>
    /// <param name="name">The value or alias.</param>
    /// <param name="fact">The fact's key.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateValue(SourceSpan at, string name, string fact) => Diagnostic.Error(
        "FS3017",
        $"事实“{fact}”的取值、别名或分组“{name}”重复。每个名称只能出现一次。",
        at);

    /// <summary>FS3018: a group lists a value the fact does not have.</summary>
    /// <param name="at">Where the member is.</param>
    /// <param name="member">The member.</param>
    /// <param name="fact">The fact's key.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownGroupMember(SourceSpan at, string member, string fact) => Diagnostic.Error(
        "FS3018",
        $"分组中的“{member}”不是事实“{fact}”的取值。分组只能包含 values 中列出的取值。",
        at);

    /// <summary>FS3019: a catalogue adds values to a fact that does not allow it.</summary>
    /// <param name="at">Where the fact is named.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic FactNotExtensible(SourceSpan at, string fact) => Diagnostic.Error(
        "FS3019",
        $"事实“{fact}”的取值由事实表统一规定，目录清单不能增加。只有标明 extensible: true 的事实（如执法事项）可以由目录补充取值。",
        at);

    /// <summary>FS3020: a holiday calendar entry that contradicts the calendar.</summary>
    /// <param name="at">Where the date is.</param>
    /// <param name="detail">What is wrong, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic CalendarInconsistent(SourceSpan at, string detail) => Diagnostic.Error(
        "FS3020",
        $"节假日安排有误：{detail}",
        at);

    /// <summary>FS3021: the same test case name used twice in a catalogue.</summary>
    /// <param name="at">Where the second name is.</param>
    /// <param name="name">The name.</param>
    /// <param name="firstLine">The line of the first case with that name.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateTestName(SourceSpan at, string name, int firstLine) => Diagnostic.Warning(
        "FS3021",
        $"测试用例名称“{name}”重复（第 {firstLine} 行已使用）。重名会让失败报告难以对应，请改名。",
        at);

    /// <summary>FS3022: a test case expects a rule that does not cover the test decision's action kind.</summary>
    /// <param name="at">Where the expected rule id is.</param>
    /// <param name="rule">The rule id.</param>
    /// <param name="actions">The action kinds of the rule, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic RuleTestsActionItDoesNotCover(SourceSpan at, string rule, string actions) => Diagnostic.Warning(
        "FS3022",
        $"测试用例的执法行为类别不在规则“{rule}”适用的类别（{actions}）之内，该规则对此用例永远不会命中。",
        at);

    /// <summary>FS3023: a schema name that cannot be written bare in a condition.</summary>
    /// <param name="at">Where the name is.</param>
    /// <param name="name">The name.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic NameNotWritable(SourceSpan at, string name) => Diagnostic.Error(
        "FS3023",
        $"名称“{name}”不能直接写在条件中：事实名称、别名和分组名只能由中文字符组成，或由英文字母、数字和下划线组成，不能含空格、数字开头或标点。",
        at);

    /// <summary>FS2022: a fact key that is not lower-case snake_case ASCII.</summary>
    /// <param name="at">Where the key is.</param>
    /// <param name="key">The key as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidFactKey(SourceSpan at, string key) => Diagnostic.Error(
        "FS2022",
        $"事实键名“{key}”无效：键名供案件系统使用，只能由小写英文字母、数字和下划线组成，并以字母开头，例如 fine_amount。",
        at);

    /// <summary>FS3024: two versions of a department's catalogue in force on the same days.</summary>
    /// <param name="at">Where the later version's effective date is.</param>
    /// <param name="id">The department id.</param>
    /// <param name="version">This version and its period.</param>
    /// <param name="other">The other version, its period and file.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic VersionsOverlap(SourceSpan at, string id, string version, string other) => Diagnostic.Error(
        "FS3024",
        $"部门“{id}”的目录版本 {version} 与 {other} 的施行期间重叠，同一天只能有一个版本施行。请给前一版本写明废止日期（effective_to），早于后一版本的施行日期。",
        at);

    /// <summary>FS3025: a catalogue that ends before it starts.</summary>
    /// <param name="at">Where the end date is.</param>
    /// <param name="from">The effective-from date.</param>
    /// <param name="to">The effective-to date.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic EffectiveToBeforeFrom(SourceSpan at, string from, string to) => Diagnostic.Error(
        "FS3025",
        $"废止日期 {to} 早于施行日期 {from}。effective_to 是最后一天施行的日期，不能早于 effective_from。",
        at);

    /// <summary>FS3026: versions of one department that choose versions by different dates.</summary>
    /// <param name="at">Where this version's governing date is (or its department).</param>
    /// <param name="id">The department id.</param>
    /// <param name="mine">This version's governing date.</param>
    /// <param name="other">The other version and its governing date.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic GoverningDatesDiffer(SourceSpan at, string id, string mine, string other) => Diagnostic.Error(
        "FS3026",
        $"部门“{id}”的各版本选用版本所依据的日期不一致：本版本为 {mine}，{other}。同一部门的各个版本须一致（governing_date）。",
        at);

    /// <summary>FS3027: an unknown governing date.</summary>
    /// <param name="at">Where the value is.</param>
    /// <param name="text">The value.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownGoverningDate(SourceSpan at, string text) => Diagnostic.Error(
        "FS3027",
        $"未知的 governing_date“{text}”。可用：proposed_on（拟作出决定日期，默认）或 filed_on（立案日期）。",
        at);

    /// <summary>FS3028: a parent catalogue that is not loaded.</summary>
    /// <param name="at">Where the parent is named.</param>
    /// <param name="parent">The parent's id.</param>
    /// <param name="available">The catalogues loaded, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownParent(SourceSpan at, string parent, string available) => Diagnostic.Error(
        "FS3028",
        $"找不到上级目录清单“{parent}”，或它在本目录施行之日尚未施行。请把上级目录文件一并载入。已载入的目录：{available}。",
        at);

    /// <summary>FS3029: catalogues that extend each other in a circle.</summary>
    /// <param name="at">Where the parent is named.</param>
    /// <param name="chain">The circle, joined with arrows.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InheritanceCycle(SourceSpan at, string chain) => Diagnostic.Error(
        "FS3029",
        $"目录清单之间循环继承：{chain}。",
        at);

    /// <summary>FS3030: a child catalogue that loosens a threshold of its parent.</summary>
    /// <param name="at">Where the child's threshold is.</param>
    /// <param name="name">The threshold's name.</param>
    /// <param name="parentValue">The parent's value.</param>
    /// <param name="childValue">The child's value.</param>
    /// <param name="why">How the parent's rules use it, and so why this loosens them.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ThresholdLoosened(SourceSpan at, string name, string parentValue, string childValue, string why) => Diagnostic.Error(
        "FS3030",
        $"放宽了上级目录的数额标准“{name}”：上级为 {parentValue}，本目录为 {childValue}。{why}下级目录只能把标准定得更严，不能放宽。",
        at);

    /// <summary>FS3031: a child catalogue that drops a rule of its parent.</summary>
    /// <param name="at">Where the dropped rule is named.</param>
    /// <param name="id">The rule id.</param>
    /// <param name="parent">The parent catalogue.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ParentRuleDropped(SourceSpan at, string id, string parent) => Diagnostic.Error(
        "FS3031",
        $"删除了上级目录“{parent}”的条目 {id}。下级目录只能增加条目，不能删除上级目录的条目；如上级条目确不适用，请报上级法制机构修订。",
        at);

    /// <summary>FS3032: a child catalogue rule with the id of a parent rule.</summary>
    /// <param name="at">Where the child's rule id is.</param>
    /// <param name="id">The rule id.</param>
    /// <param name="parent">The parent catalogue.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ParentRuleRedefined(SourceSpan at, string id, string parent) => Diagnostic.Error(
        "FS3032",
        $"条目编号 {id} 与上级目录“{parent}”的条目重复。上级条目已自动继承，不能改写；本目录增加的条目请使用新的编号。",
        at);

    /// <summary>FS3033: two files with the same version of one department's catalogue.</summary>
    /// <param name="at">Where the version is.</param>
    /// <param name="id">The department id.</param>
    /// <param name="version">The version.</param>
    /// <param name="other">The other file.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateVersion(SourceSpan at, string id, string version, string other) => Diagnostic.Error(
        "FS3033",
        $"部门“{id}”的目录版本“{version}”已在 {other} 中定义。每个版本号只能用一次。",
        at);

    /// <summary>FS3034: a catalogue with no national baseline to stand on.</summary>
    /// <param name="at">Where the catalogue names it, or its first key.</param>
    /// <param name="looked">Where it was looked for.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic StatuteNotFound(SourceSpan at, string looked) => Diagnostic.Error(
        "FS3034",
        $"找不到全国法定基准（{looked}）。每个目录清单都以全国法定基准为基础（法律直接规定的决定形式，如《行政处罚法》第五十一条简易程序的限度）："
        + "请把 Fashen 提供的 statute.yaml 放在目录清单所在文件夹或其上级文件夹中，或用 statute: 指明它的位置。",
        at);

    /// <summary>FS3035: a departure from a national form that does not exist.</summary>
    /// <param name="at">Where the form is named.</param>
    /// <param name="id">The id written.</param>
    /// <param name="available">The national forms' ids, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownNationalForm(SourceSpan at, string id, string available) => Diagnostic.Error(
        "FS3035",
        $"全国法定基准中没有编号为“{id}”的法定形式。可替代的法定形式：{available}。",
        at);

    /// <summary>FS3036: a departure from a national form that no law may depart from.</summary>
    /// <param name="at">Where the form is named.</param>
    /// <param name="id">The national form's id.</param>
    /// <param name="title">Its wording.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic FormNotDepartable(SourceSpan at, string id, string title) => Diagnostic.Error(
        "FS3036",
        $"全国法定基准 {id}（{title}）不允许另行规定，部门目录不能替代它；只能另加更严的法定形式（不写 replaces）。",
        at);

    /// <summary>FS3037: a departure that names no law, or names something that is not a law.</summary>
    /// <param name="at">Where the law is named, or the form.</param>
    /// <param name="id">The national form departed from.</param>
    /// <param name="written">What was written, or null when nothing was.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DepartureWithoutLaw(SourceSpan at, string id, string? written) => Diagnostic.Error(
        "FS3037",
        (written is null ? $"替代全国法定基准 {id} 须写明依据的法律（law）。" : $"“{written}”不是法律：")
        + "只有法律另有规定的，才能从其规定（《行政处罚法》第五十一条）。请写出法律的名称和条文，名称以“法”结尾，如 law: 《中华人民共和国治安管理处罚法》第一百一十九条；行政法规、规章、规范性文件不能替代。",
        at);

    /// <summary>FS3038: a department's catalogue departs from a national form where a law provides otherwise; not a
    /// mistake, shown so that reviewers of the catalogue see it.</summary>
    /// <param name="at">Where the departure is.</param>
    /// <param name="department">The department's name.</param>
    /// <param name="id">The national form's id.</param>
    /// <param name="title">The national form's wording.</param>
    /// <param name="law">The law departed under.</param>
    /// <param name="instead">The department's form's wording.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DepartsFromNationalForm(SourceSpan at, string department, string id, string title, string law, string instead) => Diagnostic.Info(
        "FS3038",
        $"{department}依{law}（法律另有规定）替代全国法定基准 {id}（{title}），改为：{instead}。判定答复中会引用该法律。",
        at);

    /// <summary>FS3039: a form whose id is already used by a form the catalogue stands on.</summary>
    /// <param name="at">Where the id is.</param>
    /// <param name="id">The id.</param>
    /// <param name="source">Who uses it already.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateFormId(SourceSpan at, string id, string source) => Diagnostic.Error(
        "FS3039",
        $"法定形式编号 {id} 已由{source}使用。本目录增加的法定形式请使用新的编号；要替代全国法定基准中的一项，请写 replaces 和 law。",
        at);

    /// <summary>FS3040: a form's procedure that is neither 一般程序 nor 简易程序.</summary>
    /// <param name="at">Where the procedure is.</param>
    /// <param name="text">What was written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownFormProcedure(SourceSpan at, string text) => Diagnostic.Error(
        "FS3040",
        $"未知的程序“{text}”。应为“一般程序”或“简易程序”；适用于两种程序的，不写 procedure。",
        at);

    /// <summary>FS3041: a review opinion number template without its placeholders, or with others.</summary>
    /// <param name="at">Where the template is.</param>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic BadOpinionNumber(SourceSpan at, string problem) =>
        Diagnostic.Error("FS3041", $"审核意见书的文号模板（department.opinion_number）有误：{problem}", at);

    /// <summary>FS3042: a kind of personal data the masking rules do not know.</summary>
    /// <param name="at">Where it is written.</param>
    /// <param name="text">What was written.</param>
    /// <param name="known">The kinds known, joined.</param>
    /// <param name="closest">The known kind it was probably meant to be, or null.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownMaskedKind(SourceSpan at, string text, string known, string? closest) => Diagnostic.Error(
        "FS3042",
        $"隐去规则中没有“{text}”这种个人信息。" + (closest is null ? string.Empty : $"是否是“{closest}”？") + $"可写的种类为：{known}；另外需要隐去的字词写在 terms 中。",
        at);

    /// <summary>FS3043: a way of showing a natural person's name the masking rules do not know.</summary>
    /// <param name="at">Where it is written.</param>
    /// <param name="text">What was written.</param>
    /// <param name="known">The ways known, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownNameStyle(SourceSpan at, string text, string known) => Diagnostic.Error(
        "FS3043", $"自然人姓名的公开方式“{text}”无法识别，应为：{known}（姓加某某：张三公开为张某某）。", at);

    /// <summary>FS3044: masking rules for a department that has no catalogue here, or a second file for one.</summary>
    /// <param name="at">Where the department is named.</param>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MaskingRulesMisplaced(SourceSpan at, string problem) => Diagnostic.Error("FS3044", $"公开前隐去规则的部门有误：{problem}", at);

    /// <summary>FS3045: a publication period that is not a number of months within the limits.</summary>
    /// <param name="at">Where it is written.</param>
    /// <param name="text">What was written.</param>
    /// <param name="max">The longest period.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic BadPublicationPeriod(SourceSpan at, string text, int max) => Diagnostic.Error(
        "FS3045", $"公开期限“{text}”应为 1 至 {max} 之间的整数（月），例如 36（三年）；期满后决定移出公开的列表，仍留在全过程记录中。", at);

    /// <summary>FS3046: facts summed or compared by multiple that are not amounts of the same kind.</summary>
    /// <param name="at">Where the other fact is named.</param>
    /// <param name="fact">The other fact, as "label（key）".</param>
    /// <param name="first">The compared fact, as "label（key）".</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic AmountsNotAlike(SourceSpan at, string fact, string first) => Diagnostic.Error(
        "FS3046", $"{fact}不能与{first}相加或按倍数比较：只有同为金额（或同为数值）的事实才能相加、按倍数比较。", at);

    /// <summary>FS3047: a sum compared with a multiple of another fact.</summary>
    /// <param name="at">Where the comparison is.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic SumWithMultiple(SourceSpan at) => Diagnostic.Error(
        "FS3047", "不支持合计与倍数相比：一侧相加时，另一侧只能是数额或阈值；与倍数比较时，左侧只能是一个事实。"
        + "请拆成两个比较，例如“罚款金额 没收金额的3倍以上 且 罚款金额 + 没收金额 10万元以上”。", at);

    /// <summary>FS3048: a rule still marked as an imported draft.</summary>
    /// <param name="at">Where the mark is.</param>
    /// <param name="rule">The rule's id.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DraftRule(SourceSpan at, string rule) => Diagnostic.Warning(
        "FS3048", $"条目 {rule} 是导入的草稿，条件尚未经人核对：请对照原文核对条件和注释中未读取的内容，确认后删去“draft: true”。", at);

    /// <summary>FS3049: a catalogue's own value for a shared threshold that loosens the higher level's standard.</summary>
    /// <param name="at">Where the catalogue's value is.</param>
    /// <param name="name">The threshold.</param>
    /// <param name="standards">The standards it comes from, with version.</param>
    /// <param name="shared">The shared value as written.</param>
    /// <param name="own">The catalogue's value as written.</param>
    /// <param name="why">Which rule shows it, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic SharedThresholdLoosened(SourceSpan at, string name, string standards, string shared, string own, string why) => Diagnostic.Error(
        "FS3049", $"阈值“{name}”由上级标准“{standards}”定为 {shared}，本目录改为 {own} 放宽了上级标准：{why}本部门只能从严，或删去本目录中的这一阈值，直接使用上级的数额。", at);

    /// <summary>FS3050: a catalogue's deadline longer than the one set above it.</summary>
    /// <param name="at">Where the deadline is.</param>
    /// <param name="own">The catalogue's deadline in working days.</param>
    /// <param name="shared">The higher level's deadline in working days.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic SharedDeadlineLengthened(SourceSpan at, int own, int shared) => Diagnostic.Error(
        "FS3050", $"审核时限 {own} 个工作日长于上级标准规定的 {shared} 个工作日：本部门只能缩短，不能延长；不写 deadline 即采用上级的时限。", at);

    /// <summary>FS3051: a catalogue names standards that are not among the files read.</summary>
    /// <param name="at">Where the name is.</param>
    /// <param name="name">The name.</param>
    /// <param name="hint">A suggestion or the names available.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownStandards(SourceSpan at, string name, string hint) => Diagnostic.Error(
        "FS3051", $"找不到上级标准“{name}”。{hint}上级标准写在目录清单所在文件夹或其上级文件夹的 standards.yaml 或 *.standards.yaml 中，按 standards.name 引用。", at);

    /// <summary>FS3052: a standards file that sets nothing.</summary>
    /// <param name="at">Where its header is.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic StandardsEmpty(SourceSpan at) => Diagnostic.Error(
        "FS3052", "上级标准文件既没有 thresholds 也没有 deadline：请写明上级规定的数额或审核时限。", at);
}
