namespace Fashen.Engine.Publication;

/// <summary>What a department masks before a decision is published (《政府信息公开条例》第十五条: personal privacy published only
/// after suitable treatment), kept in a YAML file beside its catalogue. The defaults are the kinds every sector's rules mask.</summary>
/// <param name="Department">The department.</param>
/// <param name="Kinds">The kinds of personal data masked.</param>
/// <param name="PersonName">How a natural person's name is shown.</param>
/// <param name="AddressLabels">The words after which an address follows (住址：…).</param>
/// <param name="FinancialLabels">The words after which a person's financial details follow (月收入…, 存款…).</param>
/// <param name="Terms">Further words or numbers masked wherever they appear (a department's own, e.g. a witness's name).</param>
/// <param name="PeriodMonths">How long a published decision stays in the public list, in months from its publication; it stays
/// in the record.</param>
public sealed record MaskingRules(
    string Department,
    IReadOnlyList<MaskedKind> Kinds,
    PersonNameStyle PersonName,
    IReadOnlyList<string> AddressLabels,
    IReadOnlyList<string> FinancialLabels,
    IReadOnlyList<string> Terms,
    int PeriodMonths = MaskingRules.DefaultPeriodMonths)
{
    /// <summary>The publication period when a department names none: three years, the longest period of public display
    /// the credit rules set for an ordinary administrative penalty.</summary>
    public const int DefaultPeriodMonths = 36;

    /// <summary>The longest period a department may set.</summary>
    public const int MaxPeriodMonths = 120;

    /// <summary>Tells whether a decision published on a day is still in the public list.</summary>
    /// <param name="publishedOn">The day it was published.</param>
    /// <param name="today">Today.</param>
    /// <returns>True while within the period.</returns>
    public bool Shows(DateOnly publishedOn, DateOnly today) => today < publishedOn.AddMonths(PeriodMonths);

    /// <summary>The labels an address follows, by default.</summary>
    public static IReadOnlyList<string> DefaultAddressLabels { get; } = ["家庭住址", "住址", "住所", "居住地", "现住", "户籍地", "地址"];

    /// <summary>The labels a person's financial details follow, by default.</summary>
    /// <remarks>Not 收入 alone: 违法收入 is a fact of the case, published with the conclusion.</remarks>
    public static IReadOnlyList<string> DefaultFinancialLabels { get; } = ["月收入", "年收入", "家庭收入", "工资收入", "银行存款", "存款", "工资", "财产状况", "个人资产", "账户余额"];

    /// <summary>Gets the rules a department without its own file gets: every kind, names as 张某某.</summary>
    /// <param name="department">The department.</param>
    /// <returns>The default rules.</returns>
    public static MaskingRules Default(string department) =>
        new(department, Enum.GetValues<MaskedKind>(), PersonNameStyle.Surname, DefaultAddressLabels, DefaultFinancialLabels, []);
}

/// <summary>The kinds of personal data masked.</summary>
public enum MaskedKind
{
    /// <summary>身份证号码 (18 characters, with its check digit; or the old 15).</summary>
    IdNumber,

    /// <summary>住址: the text after an address label.</summary>
    Address,

    /// <summary>联系方式: mobile and fixed-line numbers.</summary>
    Phone,

    /// <summary>银行账号: 16 to 19 digits, or after 账号/卡号.</summary>
    BankAccount,

    /// <summary>不动产或动产权属证书编号: 不动产权第…号, 房权证…字第…号, 车牌 aside.</summary>
    PropertyCertificate,

    /// <summary>财产状况: amounts after a financial label.</summary>
    Financial,
}

/// <summary>How a natural person's name is published.</summary>
public enum PersonNameStyle
{
    /// <summary>In full.</summary>
    Full,

    /// <summary>The surname and 某某 (张某某; 欧阳某某 for a two-character surname).</summary>
    Surname,

    /// <summary>Not at all: 当事人.</summary>
    Hidden,
}
