namespace Fashen.Api.Problems;

/// <summary>A problem of the HTTP layer itself, before the workflow sees the request.</summary>
/// <param name="Code">The stable code, FS6xxx; documented in docs/diagnostics.md.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Title">A short title, in Chinese.</param>
/// <param name="Detail">What happened and what to do, in Chinese.</param>
public sealed record ApiProblem(string Code, int Status, string Title, string Detail);

/// <summary>Every problem of the HTTP layer (codes FS6xxx). Each code is documented in docs/diagnostics.md
/// and is never reused or renumbered.</summary>
public static class ApiProblems
{
    /// <summary>FS6001: the body is not well-formed JSON, or not the shape the endpoint takes.</summary>
    public static ApiProblem MalformedJson(string? detail = null) => new(
        "FS6001", StatusCodes.Status400BadRequest, "请求体格式有误",
        detail ?? "请求体不是有效的 JSON，或字段的类型不对。请检查引号、逗号、括号和字段类型。");

    /// <summary>FS6002: the body is larger than the service accepts.</summary>
    public static ApiProblem BodyTooLarge(long limit) => new(
        "FS6002", StatusCodes.Status413PayloadTooLarge, "请求体过大",
        $"请求体超过了 {limit / 1024} KB 的上限。决定和材料清单不应这么大；材料本身不通过本接口上传。");

    /// <summary>FS6003: no valid credentials were sent.</summary>
    public static ApiProblem Unauthenticated() => new(
        "FS6003", StatusCodes.Status401Unauthorized, "需要身份认证",
        "请求没有有效的身份凭证。案件系统请在 X-Api-Key 请求头中提供 API 密钥；个人请先调用 POST /v1/auth/token 取得令牌，再在 Authorization: Bearer 中提供。");

    /// <summary>FS6004: wrong username or password.</summary>
    public static ApiProblem InvalidCredentials() => new(
        "FS6004", StatusCodes.Status401Unauthorized, "用户名或密码错误",
        "用户名或密码错误，或账号已停用。");

    /// <summary>FS6005: fields of the request are missing or invalid.</summary>
    public static ApiProblem ValidationFailed(string detail) => new(
        "FS6005", StatusCodes.Status400BadRequest, "请求字段有误", detail);

    /// <summary>FS6006: a body that is not JSON.</summary>
    public static ApiProblem UnsupportedMediaType() => new(
        "FS6006", StatusCodes.Status415UnsupportedMediaType, "请求体类型不支持",
        "请求体须为 JSON，请设置请求头 Content-Type: application/json。");

    /// <summary>FS6007: a catalogue reload found errors; the catalogues in force are unchanged.</summary>
    public static ApiProblem CatalogueReloadFailed(int errors) => new(
        "FS6007", StatusCodes.Status422UnprocessableEntity, "目录清单有错误，未重新载入",
        $"目录清单有 {errors} 处错误，原有目录继续使用。请按 diagnostics 修改后再重新载入。");

    /// <summary>FS6008: no such route or resource.</summary>
    public static ApiProblem NotFound() => new(
        "FS6008", StatusCodes.Status404NotFound, "未找到", "请求的地址不存在。可用的接口见 /openapi/v1.json 和 /docs。");

    /// <summary>FS6009: an unexpected failure inside the service. Every write is whole or absent, never half-written;
    /// whether this request's was written, a retry with the same Idempotency-Key tells.</summary>
    public static ApiProblem InternalError(string traceId) => new(
        "FS6009", StatusCodes.Status500InternalServerError, "服务内部错误",
        $"服务处理请求时出错。写入要么完整、要么没有发生，不会只写一半；如果这是写入请求，请用同一 Idempotency-Key 重试以得知结果。如果问题持续，请把跟踪编号 {traceId} 告知管理员。");

    /// <summary>FS6015: the store could not be reached or did not answer in time; retryable.</summary>
    public static ApiProblem StoreUnavailable() => new(
        "FS6015", StatusCodes.Status503ServiceUnavailable, "存储暂不可用",
        "记录存储暂时无法访问（数据库重启、连接中断，或全过程记录的写入锁被占用超时）。本次请求可能已经写入，也可能没有：请在响应头 Retry-After 所示的秒数后，用同一 Idempotency-Key 重试，已写入的会按原结果答复，不会重复写入。");

    /// <summary>FS6010: authenticated, but this kind of caller may not use the endpoint at all.</summary>
    public static ApiProblem Forbidden() => new(
        "FS6010", StatusCodes.Status403Forbidden, "无权访问", "你的账号或密钥无权使用这个接口。");

    /// <summary>FS6011: the route exists but does not take this HTTP method.</summary>
    public static ApiProblem MethodNotAllowed() => new(
        "FS6011", StatusCodes.Status405MethodNotAllowed, "请求方法不支持",
        "这个地址不支持该请求方法（例如应为 POST 却用了 GET）。可用的接口和方法见 /openapi/v1.json 和 /docs。");

    /// <summary>FS6012: too many failed sign-ins to the account or from the address.</summary>
    public static ApiProblem SignInLocked(TimeSpan left) => new(
        "FS6012", StatusCodes.Status429TooManyRequests, "登录失败次数过多",
        $"该账号或本机登录失败次数过多，已暂停登录，请 {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} 分钟后再试。忘记密码请联系法制机构管理员。");

    /// <summary>FS6014: a sign-in name with a character nobody sees (control, format, zero-width) or a space.</summary>
    public static ApiProblem InvalidUsername(string detail) => new(
        "FS6014", StatusCodes.Status400BadRequest, "登录名无效", detail);

    /// <summary>FS6013: too many requests from one caller.</summary>
    public static ApiProblem TooManyRequests() => new(
        "FS6013", StatusCodes.Status429TooManyRequests, "请求过于频繁",
        "本调用者的请求过于频繁，请稍后再试（见响应头 Retry-After）。需要更高的频率请联系管理员调整 Fashen:RequestsPerSecond。");

    /// <summary>FS6016: the file is not a kind a case file holds.</summary>
    /// <param name="detail">What it was found to be.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem FileTypeNotAccepted(string detail) => new(
        "FS6016", StatusCodes.Status415UnsupportedMediaType, "文件类型不能收入案卷", detail);

    /// <summary>FS6017: the file is a program, a script or a document with macros.</summary>
    /// <param name="detail">What was found.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem ExecutableFile(string detail) => new(
        "FS6017", StatusCodes.Status415UnsupportedMediaType, "文件含有程序", detail);

    /// <summary>FS6018: the upload is cut short: fewer bytes than announced, or a file whose format says it is incomplete.</summary>
    /// <param name="detail">What is missing.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem FileTruncated(string detail) => new(
        "FS6018", StatusCodes.Status400BadRequest, "文件不完整", detail + "未保存任何内容，请重新上传。");

    /// <summary>FS6019: the bytes do not hash to the SHA-256 the upload names.</summary>
    /// <param name="declared">The SHA-256 named.</param>
    /// <param name="actual">The SHA-256 of the bytes received.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem FileDigestMismatch(string declared, string actual) => new(
        "FS6019", StatusCodes.Status400BadRequest, "文件与其 SHA-256 不符",
        $"上传地址中的 SHA-256 是 {declared}，收到的内容的 SHA-256 是 {actual}：文件在传输中被截断或改变，或地址写错。未保存任何内容。");

    /// <summary>FS6020: the file is larger than the service accepts for one file.</summary>
    /// <param name="limit">The limit in bytes.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem FileTooLarge(long limit) => new(
        "FS6020", StatusCodes.Status413PayloadTooLarge, "文件过大",
        $"单个文件最大 {limit / (1024 * 1024)} MB（配置项 Fashen:MaxFileBytes）。执法记录仪的录像可留在原系统中，按哈希、大小、时长和位置登记（POST /v1/files/recordings）。");

    /// <summary>FS6021: the file is not the content type declared for it.</summary>
    /// <param name="detail">What was declared and what was found.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem FileTypeMismatch(string detail) => new(
        "FS6021", StatusCodes.Status415UnsupportedMediaType, "文件类型与声明不符", detail + "未保存任何内容。");

    /// <summary>FS6022: the yearly figures of a year that is not over, or before the record began.</summary>
    /// <param name="year">The year asked for.</param>
    /// <param name="first">The first year the record holds, or null when it is empty.</param>
    /// <param name="last">The last year that is over.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem FiguresNotAvailable(int year, int? first, int last) => new(
        "FS6022", StatusCodes.Status404NotFound, "没有该年度的统计",
        first is { } from && from <= last
            ? $"{year} 年没有年度统计：年度统计在该年结束后公布，可查 {from} 年至 {last} 年。"
            : $"{year} 年没有年度统计：全过程记录中还没有已经结束的年度。");
}
